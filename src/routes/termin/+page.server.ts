import { fail, type RequestEvent } from '@sveltejs/kit';
import { translate } from '$lib/i18n/messages';
import { intakeChoices } from '$lib/server/booking/queries';
import { type FormValues, fieldFailure, parseForm } from '$lib/server/http/form';
import { fieldCodeErrors, formRefusal, throttledFailure } from '$lib/server/http/refusals';
import { seeOther } from '$lib/server/http/route-answers';
import { randomToken } from '$lib/server/platform/tokens';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';
import { intakeSchema, loadFlow, submitIntake } from './flow.server';

export const load: PageServerLoad = async ({ url, locals }) => {
	const { db, clock } = services();
	const flow = await loadFlow(db, url, clock.now());
	if (flow.step !== 5) return { flow, intake: null };
	// A fresh id per form: a double submit of the same form makes one booking.
	return { flow, intake: { ...(await intakeChoices(db, locals.locale)), submissionId: randomToken(18) } };
};

/** The command's field codes; any other code reads "invalid". */
const FIELD_CODES = {
	required: 'form.error.required',
	unknown: 'form.error.choice',
	too_long: 'booking.flow.error.concernLong'
} as const;

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
	if (outcome.kind === 'refused') return outcome.failure;
	// Office, format or slot gone from the URL meanwhile: the same answer as a slot taken.
	const r = outcome.kind === 'slot_gone' ? ({ ok: false, reason: 'slot_taken' } as const) : outcome.result;
	if (r.ok) seeOther(event, '/termin/gesendet');
	if (r.reason === 'throttled')
		return throttledFailure(event, r.retryAfterSeconds, 'booking.flow.error.throttled', values);
	if (r.reason === 'slot_taken') return formRefusal(event, 409, values, 'booking.flow.error.slotTaken');
	if (r.reason === 'idempotency_conflict')
		return formRefusal(event, 409, values, 'form.error.duplicateSubmit');
	if (r.reason === 'limit_reached') {
		const message = translate(event.locals.locale, 'booking.flow.error.limit');
		return fail(409, { values, errors: {}, message, limit: true });
	}
	return fieldFailure(400, values, fieldCodeErrors(event.locals.locale, r.fields, FIELD_CODES));
}
