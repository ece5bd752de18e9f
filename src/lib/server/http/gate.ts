import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { recordAudit } from '../audit/index';
import { localizePath } from '../../i18n/locale';
import type { CreativePrincipal, StaffPrincipal } from '../identity/index';
import { mintScope, type OfficeScope } from '../access/scope';
import type { MailViewer } from '../notifications/index';
import { getOfficeByKey } from '../reference/index';
import { services } from '../runtime';

/**
 * The one authorisation gate. Every staff route calls one of these before it touches data;
 * domains receive a StaffPrincipal and an OfficeScope that only this file mints.
 */
export type StaffRole = 'network_admin' | 'office_lead' | 'consultant';

export interface StaffAccess {
	staff: StaffPrincipal;
	scope: OfficeScope;
}

function loginRedirect(event: RequestEvent): never {
	const back = event.url.pathname + event.url.search;
	redirect(303, localizePath(event.locals.locale, `/anmelden?weiter=${encodeURIComponent(back)}`));
}

/** Any signed-in staff member; the scope holds their offices (all offices for network admins). */
export function requireStaff(event: RequestEvent): StaffAccess {
	const actor = event.locals.actor;
	if (actor.kind !== 'staff') loginRedirect(event);
	const staff = actor as StaffPrincipal;
	return {
		staff,
		scope: mintScope(
			staff.isNetworkAdmin,
			staff.memberships.map((m) => m.officeId)
		)
	};
}

/** A creative signed in to the portal; anyone else goes to the portal's sign-in page. */
export function requireCreative(event: RequestEvent): CreativePrincipal {
	const actor = event.locals.actor;
	if (actor.kind !== 'creative') redirect(303, localizePath(event.locals.locale, '/portal/anmelden'));
	return actor;
}

async function deny(
	event: RequestEvent,
	staff: StaffPrincipal,
	reason: string,
	officeId: number | null
): Promise<never> {
	const { db, clock } = services();
	await recordAudit(
		db,
		{ kind: 'staff', id: staff.id, label: staff.email },
		{
			action: 'access.denied',
			subject: { kind: 'route', id: event.route.id ?? event.url.pathname },
			officeId,
			data: { path: event.url.pathname, reason }
		},
		{ now: clock.now(), requestId: event.locals.requestId }
	);
	// 404, not 403: whether another office's record exists is itself confidential.
	error(404, { message: 'not found' });
}

export async function requireNetworkAdmin(event: RequestEvent): Promise<StaffAccess> {
	const access = requireStaff(event);
	if (!access.staff.isNetworkAdmin) await deny(event, access.staff, 'network_admin required', null);
	return access;
}

/**
 * Access to one office's staff pages. `minRole: 'office_lead'` admits leads of that office
 * (and network admins); 'consultant' admits any member. Anything else is denied and audited.
 */
export async function requireOffice(
	event: RequestEvent,
	officeId: number,
	minRole: 'office_lead' | 'consultant' = 'consultant'
): Promise<StaffAccess & { role: StaffRole }> {
	const access = requireStaff(event);
	const { staff } = access;
	if (staff.isNetworkAdmin) return { ...access, scope: mintScope(false, [officeId]), role: 'network_admin' };
	const membership = staff.memberships.find((m) => m.officeId === officeId);
	if (!membership || (minRole === 'office_lead' && membership.role !== 'office_lead')) {
		await deny(event, staff, membership ? 'office_lead required' : 'not a member of this office', officeId);
	}
	return { ...access, scope: mintScope(false, [officeId]), role: membership!.role };
}

/**
 * An office's staff pages by the `[key]` in their URL: signed in (else the login), the office
 * (unknown key: 404, before any membership is looked at), then `requireOffice`.
 */
export async function requireOfficeByKey(
	event: RequestEvent<{ key: string }>,
	minRole: 'office_lead' | 'consultant' = 'consultant'
) {
	requireStaff(event);
	const office = await getOfficeByKey(services().db, event.params.key);
	if (!office) error(404, { message: 'not found' });
	return { office, ...(await requireOffice(event, office.id, minRole)) };
}

/**
 * The office let the caller in, but the record is not theirs (another consultant's case, a
 * file of another case): the same 404 and `access.denied` row as every other denial.
 */
export async function denyRecord(
	event: RequestEvent,
	staff: StaffPrincipal,
	reason: string,
	officeId: number
): Promise<never> {
	return deny(event, staff, reason, officeId);
}

/** Postausgang's reader: the scope plus identity and roles (notifications/mail-access-rules.ts). */
export function requireMailViewer(event: RequestEvent): StaffAccess & { viewer: MailViewer } {
	const access = requireStaff(event);
	const { staff, scope } = access;
	return {
		...access,
		viewer: {
			scope,
			staffId: staff.id,
			email: staff.email,
			isNetworkAdmin: staff.isNetworkAdmin,
			memberships: staff.memberships
		}
	};
}

/** A mail the reader may not open: 404 and an `access.denied` audit row, like every denial. */
export async function denyMail(event: RequestEvent, staff: StaffPrincipal): Promise<never> {
	return deny(event, staff, 'mail outside case access', null);
}
