import { fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n/messages';
import { notFound, readForm, seeOther } from '$lib/server/http/route-answers';
import { addReferralsByStaff, updateCaseReferralStatus } from '$lib/server/referrals/commands';
import { caseReferralsPage } from '$lib/server/referrals/queries';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';
import { referralAccess, referralsPath } from './access.server';

/** A case's referrals: list with history and a status form each, and suggestions to add. */
export const load: PageServerLoad = async (event) => {
	const { office, found } = await referralAccess(event);
	const page = await caseReferralsPage(services().db, found, event.locals.locale);
	const added = event.url.searchParams.get('angelegt');
	const saved = event.url.searchParams.has('gespeichert') ? 'status' : null;
	return {
		office: { key: office.key, name: office.name },
		...page,
		notice: added !== null ? { added: Number(added) || 0 } : saved
	};
};

export const actions: Actions = {
	status: async (event) => {
		const { office, scope, viewer, found, ctx } = await referralAccess(event);
		const form = await readForm(event.request);
		const referral = Number(form.get('referral'));
		const input = { caseId: found.id, referralId: referral, status: String(form.get('status') ?? '') };
		const r = await updateCaseReferralStatus(services(), viewer, scope, input, ctx);
		if (!r.ok && r.reason === 'not_found') notFound();
		const error = translate(event.locals.locale, 'referrals.error.refused');
		if (!r.ok) return fail(400, { which: 'status', referral, error });
		seeOther(event, referralsPath(office.key, found.id, 'gespeichert=1'));
	},
	add: async (event) => {
		const { office, scope, viewer, found, ctx } = await referralAccess(event);
		const picked = (await readForm(event.request)).getAll('service').map(Number);
		const serviceIds = picked.filter((n) => Number.isSafeInteger(n) && n > 0);
		const error = translate(event.locals.locale, 'referrals.error.pickOne');
		if (serviceIds.length === 0) return fail(400, { which: 'add', referral: null, error });
		const input = { officeId: office.id, caseId: found.id, serviceIds };
		const r = await addReferralsByStaff(services(), viewer, scope, input, ctx);
		if (!r.ok) notFound();
		seeOther(event, referralsPath(office.key, found.id, `angelegt=${r.created.length}`));
	}
};
