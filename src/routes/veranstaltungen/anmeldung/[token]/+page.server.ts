import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/messages';
import { actAsRegistrant, linkAllows, registrationByToken } from '$lib/server/events/register';
import {
	RECONFIRM_BEFORE_MS,
	type RegistrantAction,
	registrantActionAllowed,
	waitlistConfirmExpiry
} from '$lib/server/events/rules';
import { CANCEL_REASONS, cancelReasonOf } from '$lib/server/reference/cancel-reasons';
import { feedbackSchema } from '$lib/server/events/schema';
import { parseForm } from '$lib/server/http/form';
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
	const now = clock.now();
	const found = await registrationByToken(db, params.token, now);
	if (!found.ok) return { problem: found.reason, view: null, reasons: CANCEL_REASONS };
	const { registration: r, event: e } = found;
	const t = now.getTime();
	const can = (a: RegistrantAction) => linkAllows(found.purpose, a) && registrantActionAllowed(r, e, a, t);
	return {
		problem: null,
		done: url.searchParams.get('erledigt'),
		// Issue 16: "Abmelden" first asks; the POST on the confirmation then cancels.
		confirmCancel: url.searchParams.has('abmelden'),
		view: {
			eventId: e.id,
			title: e.title,
			type: e.type,
			format: e.format,
			start: e.start,
			end: e.end,
			eventStatus: e.status,
			place: [e.venueName, e.venueAddress].filter(Boolean).join(', '),
			officeName: e.office?.name ?? null,
			name: r.name,
			status: r.status,
			holdExpiresAt: r.holdExpiresAt,
			offerExpiresAt: r.offerExpiresAt,
			waitlistConfirmUntil: waitlistConfirmExpiry(r.waitlistedAt ?? r.createdAt, e.start),
			waitlistConfirmed: r.waitlistConfirmedAt !== null,
			reconfirmedAt: r.reconfirmedAt,
			feedbackAt: r.feedbackAt,
			// "Kommen Sie noch?" from 3 days before the start (when the mail asks it).
			askReconfirm: t >= e.start - RECONFIRM_BEFORE_MS,
			// The online link only for confirmed registrants.
			onlineUrl:
				r.status === 'confirmed' && e.format !== 'onsite' && e.status === 'published' ? e.onlineUrl : null,
			can: {
				confirm: can('confirm'),
				confirmWaitlist: can('confirm_waitlist'),
				cancel: can('cancel'),
				accept: can('accept'),
				decline: can('decline'),
				reconfirm: can('reconfirm'),
				feedback: can('feedback')
			}
		},
		reasons: CANCEL_REASONS
	};
};

async function act(event: RequestEvent<{ token: string }>, action: RegistrantAction, done: string) {
	// Issue 16: deregistering takes an optional reason from the list (unknown values count as none).
	const reason =
		action === 'cancel'
			? cancelReasonOf((await event.request.formData().catch(() => new FormData())).get('reason'))
			: null;
	const r = await actAsRegistrant(
		services(),
		event.params.token,
		action,
		{ requestId: event.locals.requestId },
		undefined,
		reason
	);
	if (!r.ok) redirect(303, `${event.url.pathname}?erledigt=nicht-moeglich`);
	redirect(303, `${event.url.pathname}?erledigt=${done}`);
}

export const actions: Actions = {
	confirm: (event) => act(event, 'confirm', 'bestaetigt'),
	confirmWaitlist: (event) => act(event, 'confirm_waitlist', 'warteliste'),
	accept: (event) => act(event, 'accept', 'bestaetigt'),
	decline: (event) => act(event, 'decline', 'abgelehnt'),
	cancel: (event) => act(event, 'cancel', 'abgemeldet'),
	reconfirm: (event) => act(event, 'reconfirm', 'kommt'),
	feedback: async (event) => {
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, feedbackSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const r = await actAsRegistrant(services(), event.params.token, 'feedback', { requestId }, parsed.data);
		if (!r.ok)
			return fail(409, {
				values: parsed.values,
				errors: {},
				message: translate(locale, 'events.reg.notAllowed')
			});
		redirect(
			303,
			localizePath(locale, `/veranstaltungen/anmeldung/${event.params.token}?erledigt=rueckmeldung`)
		);
	}
};
