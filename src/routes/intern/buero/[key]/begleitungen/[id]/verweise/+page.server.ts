import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/messages';
import { requireOffice, requireStaff } from '$lib/server/http/gate';
import { getOfficeByKey } from '$lib/server/reference/queries';
import { addReferralsByStaff, updateReferralStatusByStaff } from '$lib/server/referrals/commands';
import {
	caseForStaff,
	type ReferralStaffActor,
	referralsForCase,
	suggestContactPoints
} from '$lib/server/referrals/queries';
import { isSettableStatus, SETTABLE_STATUSES } from '$lib/server/referrals/rules';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

/**
 * A case's referrals: list with history and a status form each, and suggestions to add. Any
 * member of the office passes the gate; a consultant then sees only the cases they are
 * responsible for (caseForStaff), everything else answers 404.
 */
async function access(event: RequestEvent<{ key: string; id: string }>) {
	requireStaff(event);
	const { db } = services();
	const office = await getOfficeByKey(db, event.params.key);
	if (!office) error(404, { message: 'not found' });
	const { staff, scope, role } = await requireOffice(event, office.id, 'consultant');
	const viewer: ReferralStaffActor = { id: staff.id, email: staff.email, role };
	if (!/^\d{1,9}$/.test(event.params.id)) error(404, { message: 'not found' });
	const found = await caseForStaff(db, scope, viewer, office.id, Number(event.params.id));
	if (!found) error(404, { message: 'not found' });
	return { office, scope, viewer, found, ctx: { requestId: event.locals.requestId } };
}

export const load: PageServerLoad = async (event) => {
	const { office, found } = await access(event);
	const { db } = services();
	const { locale } = event.locals;
	const referrals = await referralsForCase(db, found.id, locale);
	const referred = new Set(referrals.map((r) => r.serviceId));
	const suggestions = found.erased
		? []
		: await suggestContactPoints(db, {
				landIso: found.landIso,
				topics: found.topics,
				submarket: found.submarket,
				locale
			});
	const added = event.url.searchParams.get('angelegt');
	return {
		office: { key: office.key, name: office.name },
		caseFile: { id: found.id, name: found.name, erased: found.erased },
		referrals,
		suggestions: suggestions.map((s) => ({ ...s, referred: referred.has(s.serviceId) })),
		statuses: [...SETTABLE_STATUSES],
		notice:
			added !== null
				? { added: Number(added) || 0 }
				: event.url.searchParams.has('gespeichert')
					? 'status'
					: null
	};
};

export const actions: Actions = {
	status: async (event) => {
		const { office, scope, viewer, found, ctx } = await access(event);
		const { locale } = event.locals;
		const form = await event.request.formData().catch(() => new FormData());
		const referralId = Number(form.get('referral'));
		const status = String(form.get('status') ?? '');
		const mine = (await referralsForCase(services().db, found.id, locale)).some((r) => r.id === referralId);
		if (!mine) error(404, { message: 'not found' });
		if (!isSettableStatus(status))
			return fail(400, {
				which: 'status',
				referral: referralId,
				error: translate(locale, 'referrals.error.refused')
			});
		const r = await updateReferralStatusByStaff(services(), viewer, scope, referralId, status, ctx);
		if (!r.ok) {
			if (r.reason === 'not_found') error(404, { message: 'not found' });
			return fail(400, {
				which: 'status',
				referral: referralId,
				error: translate(locale, 'referrals.error.refused')
			});
		}
		redirect(
			303,
			localizePath(locale, `/intern/buero/${office.key}/begleitungen/${found.id}/verweise?gespeichert=1`)
		);
	},
	add: async (event) => {
		const { office, scope, viewer, found, ctx } = await access(event);
		const { locale } = event.locals;
		const form = await event.request.formData().catch(() => new FormData());
		const serviceIds = form
			.getAll('service')
			.map((v) => Number(v))
			.filter((n) => Number.isSafeInteger(n) && n > 0);
		if (serviceIds.length === 0)
			return fail(400, { which: 'add', referral: null, error: translate(locale, 'referrals.error.pickOne') });
		const r = await addReferralsByStaff(
			services(),
			viewer,
			scope,
			{ officeId: office.id, caseId: found.id, serviceIds },
			ctx
		);
		if (!r.ok) error(404, { message: 'not found' });
		redirect(
			303,
			localizePath(
				locale,
				`/intern/buero/${office.key}/begleitungen/${found.id}/verweise?angelegt=${r.created.length}`
			)
		);
	}
};
