import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { updateReferralStatusByToken } from '$lib/server/referrals/commands';
import { inspectReferralToken } from '$lib/server/referrals/queries';
import { isSettableStatus, SETTABLE_STATUSES } from '$lib/server/referrals/rules';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

/**
 * The "did it help?" link from the follow-up mail. GET only shows the referral with the answer
 * from the link preselected (mail scanners open links); the button (POST) saves it.
 */
export const load: PageServerLoad = async ({ params, url, locals, setHeaders }) => {
	// same-origin, not no-referrer: with no-referrer browsers send `Origin: null` and the form POST fails Kit's CSRF check.
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'same-origin' });
	const { db, clock } = services();
	const page = await inspectReferralToken(db, params.token, clock.now());
	const asked = url.searchParams.get('status');
	const saved = url.searchParams.get('gespeichert');
	return {
		problem: page.ok ? null : page.reason,
		referral: page.ok ? page.referral : null,
		chosen: isSettableStatus(asked) ? asked : null,
		saved: isSettableStatus(saved) ? saved : null,
		unchanged: url.searchParams.has('unveraendert'),
		statuses: [...SETTABLE_STATUSES],
		locale: locals.locale
	};
};

export const actions: Actions = {
	default: async ({ params, request, locals, url }) => {
		const form = await request.formData().catch(() => new FormData());
		const status = String(form.get('status') ?? '');
		const r = await updateReferralStatusByToken(services(), params.token, status, {
			requestId: locals.requestId
		});
		const path = localizePath(locals.locale, url.pathname);
		// A link that died meanwhile, or a value no button sends: the page (GET) says what is.
		if (!r.ok) redirect(303, path);
		redirect(303, `${path}?gespeichert=${r.status}${r.changed ? '' : '&unveraendert=1'}`);
	}
};
