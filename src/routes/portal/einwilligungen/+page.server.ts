import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { withdrawNotesConsentAsCreative } from '$lib/server/cases/notes-consent-withdrawal';
import { requireCreative } from '$lib/server/http/gate';
import {
	consentsOf,
	hasActiveNewsConsent,
	hasActiveNotesConsent
} from '$lib/server/privacy/consents-overview';
import { withdrawNewsConsent } from '$lib/server/privacy/news-consent-withdrawal';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

/** Issue 13, part 3: every consent in one place; the notes consent can be withdrawn here. */
export const load: PageServerLoad = async (event) => {
	const me = requireCreative(event);
	const consents = await consentsOf(services().db, me);
	const deleted = Number(event.url.searchParams.get('widerrufen'));
	return {
		consents,
		canWithdraw: hasActiveNotesConsent(consents),
		canWithdrawNews: hasActiveNewsConsent(consents),
		newsWithdrawn: event.url.searchParams.has('news-widerrufen'),
		withdrawn: Number.isSafeInteger(deleted) && event.url.searchParams.has('widerrufen') ? deleted : null
	};
};

export const actions: Actions = {
	withdrawNotes: async (event) => {
		const me = requireCreative(event);
		const { locale, requestId } = event.locals;
		const r = await withdrawNotesConsentAsCreative(services(), me.id, { requestId });
		// Nothing to withdraw (already withdrawn, or no case): the page says so; never an error.
		const records = r.ok ? r.records : 0;
		redirect(303, localizePath(locale, `/portal/einwilligungen?widerrufen=${records}`));
	},
	withdrawNews: async (event) => {
		const me = requireCreative(event);
		const { locale, requestId } = event.locals;
		// Already withdrawn: the page shows the date and no button; never an error.
		await withdrawNewsConsent(services(), me, { requestId });
		redirect(303, localizePath(locale, '/portal/einwilligungen?news-widerrufen'));
	}
};
