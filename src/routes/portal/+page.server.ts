import { fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n/messages';
import { sendBookingLinks } from '$lib/server/booking/commands';
import { setStepDoneByCreative } from '$lib/server/cases/steps';
import { requireCreative } from '$lib/server/http/gate';
import { throttledFailure } from '$lib/server/http/refusals';
import { readForm } from '$lib/server/http/route-answers';
import { unreadForCreative } from '$lib/server/messages/queries';
import { portalHome } from '$lib/server/portal/queries';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const me = requireCreative(event);
	const { db, clock } = services();
	const q = event.url.searchParams;
	return {
		email: me.email,
		...(await portalHome(db, me, event.locals.locale, clock.now())),
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
		const input = { email: me.email, clientAddress: event.getClientAddress(), locale };
		const r = await sendBookingLinks(services(), input, { requestId });
		if (!r.ok) return throttledFailure(event, r.retryAfterSeconds, 'portal.home.linkThrottled');
		redirect(303, `${event.url.pathname}?link-gesendet=1`);
	},
	/** Ticks a shared step of my plan off (done=1) or opens it again (done=0). */
	step: async (event) => {
		const me = requireCreative(event);
		const { locale, requestId } = event.locals;
		const form = await readForm(event.request);
		const stepId = Number(form.get('stepId'));
		const done = form.get('done');
		const failed = (status: number) => fail(status, { message: translate(locale, 'portal.home.stepFailed') });
		if (!Number.isSafeInteger(stepId) || stepId <= 0 || (done !== '1' && done !== '0')) return failed(400);
		const r = await setStepDoneByCreative(services(), me.id, { stepId, done: done === '1' }, { requestId });
		if (!r.ok) return failed(404);
		redirect(303, `${event.url.pathname}?schritt=gespeichert#schritt-${stepId}`);
	}
};
