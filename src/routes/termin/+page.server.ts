import { fail, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { type MessageKey, translate } from '$lib/i18n/messages';
import { requestBooking } from '$lib/server/booking/commands';
import { currentConsentTexts } from '$lib/server/booking/consent';
import { parseForm } from '$lib/server/http/form';
import { freeTextFailure } from '$lib/server/http/free-text';
import { minutesToWait } from '$lib/server/identity/throttle-rules';
import { randomToken } from '$lib/server/platform/tokens';
import { listStages, listSubmarkets, listTopics } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { chosenSlot, intakeSchema, loadFlow } from './flow.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const { db, clock } = services();
	const flow = await loadFlow(db, url, clock.now());
	if (flow.step !== 5) return { flow, intake: null };
	const [submarkets, stages, topics, consents] = await Promise.all([
		listSubmarkets(db, locals.locale, { activeOnly: true }),
		listStages(db, locals.locale, { activeOnly: true }),
		listTopics(db, locals.locale, { activeOnly: true }),
		currentConsentTexts(db)
	]);
	const pick = (e: { key: string; name: string }) => ({ key: e.key, name: e.name });
	return {
		flow,
		intake: {
			submarkets: submarkets.map(pick),
			stages: stages.map(pick),
			topics: topics.map(pick),
			consents: {
				processing: consents.processing[locals.locale],
				notes: consents.notes[locals.locale],
				news: consents.news[locals.locale]
			},
			// A fresh id per form: a double submit of the same form makes one booking.
			submissionId: randomToken(18)
		}
	};
};

const DOMAIN_ERRORS: Record<string, MessageKey> = {
	required: 'form.error.required',
	unknown: 'form.error.choice',
	invalid: 'form.error.invalid',
	too_long: 'booking.flow.error.concernLong'
};

export const actions: Actions = {
	default: async (event) => {
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, intakeSchema, locale, { multi: ['topics'] });
		if (!parsed.ok) return parsed.failure;
		const values = parsed.values;
		// What was chosen in steps 2–4 comes from the URL; the command re-checks the slot under
		// its lock (and a double submit finds its first booking by the submission id first).
		const chosen = await chosenSlot(services().db, event.url);
		if (!chosen) {
			return fail(409, { values, errors: {}, message: translate(locale, 'booking.flow.error.slotTaken') });
		}
		const d = parsed.data;
		// Issue 13, part 5: a concern with an ID number or an Art. 9 word is not sent until the person chooses.
		const refused = await freeTextFailure(services().db, {
			officeId: chosen.officeId,
			texts: { concern: d.concern },
			form: values,
			values,
			locale
		});
		if (refused) return refused;
		const r = await requestBooking(
			services(),
			{
				officeId: chosen.officeId,
				consultantId: chosen.consultantId,
				format: chosen.format,
				start: chosen.start,
				sprechtagId: chosen.sprechtagId,
				intake: {
					name: d.name,
					email: d.email,
					phone: d.phone,
					postcode: d.postcode,
					land: d.land,
					submarket: d.submarket,
					stage: d.stage,
					topics: d.topics,
					concern: d.concern,
					heardFrom: d.heard_from
				},
				consents: { processing: d.consent_processing, notes: d.consent_notes, news: d.consent_news },
				locale,
				idempotencyKey: `form:${d.submission_id}`
			},
			{ requestId, clientAddress: event.getClientAddress() }
		);
		if (r.ok) redirect(303, localizePath(locale, '/termin/gesendet'));
		switch (r.reason) {
			case 'throttled':
				event.setHeaders({ 'retry-after': String(r.retryAfterSeconds) });
				return fail(429, {
					values,
					errors: {},
					message: translate(locale, 'booking.flow.error.throttled', {
						minutes: minutesToWait(r.retryAfterSeconds)
					})
				});
			case 'slot_taken':
				return fail(409, { values, errors: {}, message: translate(locale, 'booking.flow.error.slotTaken') });
			case 'limit_reached':
				return fail(409, {
					values,
					errors: {},
					message: translate(locale, 'booking.flow.error.limit'),
					limit: true
				});
			case 'idempotency_conflict':
				return fail(409, { values, errors: {}, message: translate(locale, 'form.error.duplicateSubmit') });
			case 'invalid':
				return fail(400, {
					values,
					errors: Object.fromEntries(
						Object.entries(r.fields).map(([field, code]) => [
							field,
							translate(locale, DOMAIN_ERRORS[code] ?? 'form.error.invalid')
						])
					)
				});
		}
	}
};
