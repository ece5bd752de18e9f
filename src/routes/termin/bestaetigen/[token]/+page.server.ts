import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { confirmBooking } from '$lib/server/booking/commands';
import { confirmPage } from '$lib/server/booking/queries';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

/** The link from the mail opens this page (GET changes nothing); its button confirms. */
export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const { db, clock } = services();
	const page = await confirmPage(db, params.token, locals.locale, clock.now());
	return page.ok ? { problem: null, booking: page.booking } : { problem: page.reason, booking: null };
};

export const actions: Actions = {
	default: async ({ params, locals, url }) => {
		const r = await confirmBooking(services(), params.token, { requestId: locals.requestId });
		// A link that died meanwhile: the page (GET) says why.
		if (!r.ok) redirect(303, url.pathname);
		redirect(303, localizePath(locals.locale, `/termin/verwalten/${r.manageToken}?bestaetigt=1`));
	}
};
