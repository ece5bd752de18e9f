import { redirect, type RequestEvent } from '@sveltejs/kit';
import { registrantPage } from '$lib/server/events/page-queries';
import { actAsRegistrant } from '$lib/server/events/register';
import type { RegistrantAction } from '$lib/server/events/rules';
import { feedbackSchema } from '$lib/server/events/schema';
import { formAction } from '$lib/server/http/form-action';
import { formRefusal } from '$lib/server/http/refusals';
import { readForm } from '$lib/server/http/route-answers';
import { CANCEL_REASONS, cancelReasonOf } from '$lib/server/reference/cancel-reasons';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

/**
 * The page every registration mail links to. Opening it changes nothing; its buttons (POST) confirm,
 * confirm a waiting-list join (only from that mail's single-purpose link), cancel (with an optional
 * reason), accept or decline an offer, say "still coming", or send feedback.
 */
export const load: PageServerLoad = async ({ params, setHeaders, url }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const { db, clock } = services();
	const page = await registrantPage(db, params.token, clock.now());
	if (!page.ok) return { problem: page.reason, view: null, reasons: CANCEL_REASONS };
	return {
		problem: null,
		done: url.searchParams.get('erledigt'),
		// Issue 16: "Abmelden" first asks; the POST on the confirmation then cancels.
		confirmCancel: url.searchParams.has('abmelden'),
		view: page.view,
		reasons: CANCEL_REASONS
	};
};

/** One button of the page: the action by the link's token, then the page again saying how it went. */
async function act(event: RequestEvent<{ token: string }>, action: RegistrantAction, done: string) {
	// Issue 16: deregistering takes an optional reason from the list (unknown values count as none).
	const reason = action === 'cancel' ? cancelReasonOf((await readForm(event.request)).get('reason')) : null;
	const ctx = { requestId: event.locals.requestId };
	const r = await actAsRegistrant(services(), event.params.token, action, ctx, undefined, reason);
	redirect(303, `${event.url.pathname}?erledigt=${r.ok ? done : 'nicht-moeglich'}`);
}

export const actions: Actions = {
	confirm: (event) => act(event, 'confirm', 'bestaetigt'),
	confirmWaitlist: (event) => act(event, 'confirm_waitlist', 'warteliste'),
	accept: (event) => act(event, 'accept', 'bestaetigt'),
	decline: (event) => act(event, 'decline', 'abgelehnt'),
	cancel: (event) => act(event, 'cancel', 'abgemeldet'),
	reconfirm: (event) => act(event, 'reconfirm', 'kommt'),
	feedback: formAction({
		access: async () => null,
		schema: feedbackSchema,
		run: ({ event: { params, locals }, data }) =>
			actAsRegistrant(services(), params.token, 'feedback', { requestId: locals.requestId }, data),
		refuse: (_, values, event) => formRefusal(event, 409, values, 'events.reg.notAllowed'),
		done: ({ event }) => `/veranstaltungen/anmeldung/${event.params.token}?erledigt=rueckmeldung`
	})
};
