import type { RequestEvent } from '@sveltejs/kit';
import { requireOfficeByKey } from '$lib/server/http/gate';
import { notFound, requireIdParam } from '$lib/server/http/route-answers';
import { caseForStaff, type ReferralStaffActor } from '$lib/server/referrals/queries';
import { services } from '$lib/server/runtime';

/**
 * The referral page's gate, for its load and both forms: any member of the office passes the
 * office gate; a consultant then sees only the cases they are responsible for (caseForStaff),
 * everything else answers 404 — before a form is read.
 */
export async function referralAccess(event: RequestEvent<{ key: string; id: string }>) {
	const { office, staff, scope, role } = await requireOfficeByKey(event, 'consultant');
	const viewer: ReferralStaffActor = { id: staff.id, email: staff.email, role };
	const id = requireIdParam(event.params.id);
	const found = (await caseForStaff(services().db, scope, viewer, office.id, id)) ?? notFound();
	return { office, scope, viewer, found, ctx: { requestId: event.locals.requestId } };
}

/** The page again after a change, with what it should say (`gespeichert=1`, `angelegt=n`). */
export function referralsPath(key: string, caseId: number, notice: string): string {
	return `/intern/buero/${key}/begleitungen/${caseId}/verweise?${notice}`;
}
