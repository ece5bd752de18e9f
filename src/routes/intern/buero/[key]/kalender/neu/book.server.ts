import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { type MessageKey, translate } from '$lib/i18n/messages';
import { bookingReferenceKeys } from '$lib/server/booking/calendar-queries';
import { onBehalfSchema } from '$lib/server/booking/calendar-schema';
import { bookOnBehalf, onBehalfSlotFree } from '$lib/server/booking/commands';
import { bookingIntake } from '$lib/server/booking/intake-form';
import { fieldFailure, parseForm, validFields, withRuleErrors } from '$lib/server/http/form';
import { services } from '$lib/server/runtime';
import { calendarAccess } from '../access.server';

/** The command's field names → the form's; its codes → catalogue keys. */
const FIELD: Record<string, string> = { consent_processing: 'consentProcessing', officeId: 'slot' };
const CODE: Record<string, MessageKey> = {
	required: 'form.error.required',
	unknown: 'form.error.choice',
	too_long: 'form.error.invalid',
	invalid: 'form.error.invalid'
};

/** "Termin für Anrufende buchen": same command and rules as the public flow, confirmed at once. */
export async function bookOnBehalfAction(event: RequestEvent<{ key: string }>) {
	const { office, viewer, scope } = await calendarAccess(event);
	const { locale, requestId } = event.locals;
	const { db } = services();
	const form = await event.request
		.clone()
		.formData()
		.catch(() => new FormData());
	const schema = onBehalfSchema(await bookingReferenceKeys(db));
	const parsed = await parseForm(event.request, schema, locale, { multi: ['topics'] });
	if (!parsed.ok) {
		// A slot taken meanwhile is reported with the other errors (issue 16).
		const { slot } = validFields(schema.shape, parsed.input);
		const free =
			!slot || (await onBehalfSlotFree(services(), viewer, scope, { officeId: office.id, ...slot }));
		return withRuleErrors(
			parsed.failure,
			free ? {} : { slot: translate(locale, 'calendar.error.slotTaken') }
		);
	}
	const d = parsed.data;
	const submission = form.get('_submission');
	const result = await bookOnBehalf(
		services(),
		viewer,
		scope,
		{
			officeId: office.id,
			consultantId: d.slot.consultantId,
			format: d.slot.format,
			start: d.slot.start,
			...bookingIntake('staff', d),
			locale: d.locale,
			// A double submit of the same form page books once.
			idempotencyKey: typeof submission === 'string' && submission ? `staff-form:${submission}` : null
		},
		{ requestId }
	);
	if (result.ok)
		redirect(303, localizePath(locale, `/intern/buero/${office.key}/kalender/${result.bookingId}?ok=booked`));
	const values = parsed.values;
	if (result.reason === 'not_found') error(404, { message: 'not found' });
	if (result.reason === 'slot_taken')
		return fieldFailure(409, values, { slot: translate(locale, 'calendar.error.slotTaken') });
	if (result.reason === 'limit_reached')
		return fieldFailure(409, values, { _form: translate(locale, 'calendar.error.limitReached') });
	if (result.reason === 'idempotency_conflict')
		return fieldFailure(409, values, { _form: translate(locale, 'form.error.duplicateSubmit') });
	const errors: Record<string, string> = {};
	for (const [field, code] of Object.entries(result.fields))
		errors[FIELD[field] ?? field] = translate(locale, CODE[code] ?? 'form.error.invalid');
	return fieldFailure(400, values, errors);
}
