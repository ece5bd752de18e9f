import { error, fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n/messages';
import { requireCreative } from '$lib/server/http/gate';
import { updateReferralStatusByCreative } from '$lib/server/referrals/commands';
import { referralsForCreative } from '$lib/server/referrals/queries';
import { isSettableStatus, SETTABLE_STATUSES } from '$lib/server/referrals/rules';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

/** "Meine Weiterverweisungen": the creative's shared referrals, each with "did it help?". */
export const load: PageServerLoad = async (event) => {
	const me = requireCreative(event);
	return {
		referrals: await referralsForCreative(services().db, me.id, event.locals.locale),
		statuses: [...SETTABLE_STATUSES],
		saved: event.url.searchParams.has('gespeichert')
	};
};

export const actions: Actions = {
	status: async (event) => {
		const me = requireCreative(event);
		const { locale, requestId } = event.locals;
		const form = await event.request.formData().catch(() => new FormData());
		const referralId = Number(form.get('referral'));
		const status = String(form.get('status') ?? '');
		if (!isSettableStatus(status))
			return fail(400, { referral: referralId, error: translate(locale, 'referrals.error.choose') });
		const r = await updateReferralStatusByCreative(services(), me.id, referralId, status, { requestId });
		if (!r.ok) error(404, { message: 'not found' });
		redirect(303, `${event.url.pathname}?gespeichert=1#verweis-${referralId}`);
	}
};
