import { fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n/messages';
import { sendBookingLinks } from '$lib/server/booking/commands';
import { setStepDoneByCreative } from '$lib/server/cases/steps';
import { requireCreative } from '$lib/server/http/gate';
import { minutesToWait } from '$lib/server/identity/throttle-rules';
import { myCases, stepOverdue } from '$lib/server/portal/plan-queries';
import { myBookings } from '$lib/server/portal/queries';
import { eventsForCreativeEmail } from '$lib/server/events/journey';
import { unreadForCreative } from '$lib/server/messages/queries';
import { services } from '$lib/server/runtime';
import { berlinDate } from '$lib/time/berlin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const me = requireCreative(event);
	const { db, clock } = services();
	const now = clock.now();
	const q = event.url.searchParams;
	const today = berlinDate(now);
	const cases = await myCases(db, me.id, event.locals.locale);
	return {
		email: me.email,
		bookings: await myBookings(db, me, now),
		events: await eventsForCreativeEmail(db, me.email, now),
		cases: cases.map((c) => ({
			...c,
			plan: c.plan.map((step) => ({ ...step, overdue: stepOverdue(step, today) }))
		})),
		linkSent: q.has('link-gesendet'),
		followUpBooked: q.get('folgetermin') === 'gebucht',
		stepSaved: q.get('schritt') === 'gespeichert',
		unreadMessages: await unreadForCreative(db, me.id)
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
	},
	/** Ticks a shared step of my plan off (done=1) or opens it again (done=0). */
	step: async (event) => {
		const me = requireCreative(event);
		const { locale, requestId } = event.locals;
		const form = await event.request.formData().catch(() => new FormData());
		const stepId = Number(form.get('stepId'));
		const done = form.get('done');
		if (!Number.isSafeInteger(stepId) || stepId <= 0 || (done !== '1' && done !== '0'))
			return fail(400, { message: translate(locale, 'portal.home.stepFailed') });
		const r = await setStepDoneByCreative(services(), me.id, { stepId, done: done === '1' }, { requestId });
		if (!r.ok) return fail(404, { message: translate(locale, 'portal.home.stepFailed') });
		redirect(303, `${event.url.pathname}?schritt=gespeichert#schritt-${stepId}`);
	}
};
