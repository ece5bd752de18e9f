import { fail, type RequestEvent, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { type MessageKey, translate } from '$lib/i18n/messages';
import { currentConsentTexts } from '$lib/server/booking/consent';
import { type FormValues, parseForm } from '$lib/server/http/form';
import { minutesToWait } from '$lib/server/identity/throttle-rules';
import { randomToken } from '$lib/server/platform/tokens';
import { listStages, listSubmarkets, listTopics } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { intakeSchema, loadFlow, submitIntake } from './flow.server';
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
		const parsed = await parseForm(event.request, intakeSchema, event.locals.locale, { multi: ['topics'] });
		if (!parsed.ok) return parsed.failure;
		const outcome = await submitIntake(services(), event, parsed);
		return answerIntake(event, outcome, parsed.values);
	}
};

/** The page's answer to the intake: the booking's page on success, else the form with its values. */
function answerIntake(
	event: Pick<RequestEvent, 'locals' | 'setHeaders'>,
	outcome: Awaited<ReturnType<typeof submitIntake>>,
	values: FormValues
) {
	const { locale } = event.locals;
	if (outcome.kind === 'slot_gone') {
		return fail(409, { values, errors: {}, message: translate(locale, 'booking.flow.error.slotTaken') });
	}
	if (outcome.kind === 'refused') return outcome.failure;
	const r = outcome.result;
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
