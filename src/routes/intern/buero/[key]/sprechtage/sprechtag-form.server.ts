import type { RequestEvent } from '@sveltejs/kit';
import type { AvailabilityResult } from '$lib/server/booking/availability';
import type { FormValues } from '$lib/server/http/form';
import { refusal } from '../verfuegbarkeit/access.server';

/** Where a saved Sprechtag form (new, changed, cancelled) leads: the office's list with its notice. */
export const sprechtageSaved = (office: { key: string }) =>
	`/intern/buero/${office.key}/sprechtage?gespeichert=1`;

/** A refused Sprechtag: a consultant who is not a member is that field's error, anything else the form's. */
export function sprechtagRefusal(
	result: Exclude<AvailabilityResult, { ok: true }>,
	values: FormValues,
	event: Pick<RequestEvent, 'locals'>
) {
	return refusal(
		result,
		values,
		event.locals.locale,
		result.reason === 'not_member' ? 'consultantId' : undefined
	);
}
