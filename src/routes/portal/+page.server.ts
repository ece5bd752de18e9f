import { fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n/messages';
import { sendBookingLinks } from '$lib/server/booking/commands';
import { requireCreative } from '$lib/server/http/gate';
import { minutesToWait } from '$lib/server/identity/throttle-rules';
import { myBookings } from '$lib/server/portal/queries';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const me = requireCreative(event);
	const { db, clock } = services();
	return {
		email: me.email,
		bookings: await myBookings(db, me.email, clock.now()),
		linkSent: event.url.searchParams.has('link-gesendet')
	};
};

export const actions: Actions = {
	/** Mails fresh manage (or confirm) links for the open bookings, via the booking flow's command. */
	links: async (event) => {
		const me = requireCreative(event);
		const { locale, requestId } = event.locals;
		const r = await sendBookingLinks(
			services(),
			{ email: me.email, clientAddress: event.getClientAddress(), locale },
			{ requestId }
		);
		if (!r.ok) {
			event.setHeaders({ 'retry-after': String(r.retryAfterSeconds) });
			return fail(429, {
				message: translate(locale, 'portal.home.linkThrottled', {
					minutes: minutesToWait(r.retryAfterSeconds)
				})
			});
		}
		redirect(303, `${event.url.pathname}?link-gesendet=1`);
	}
};
