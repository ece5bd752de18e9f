import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/messages';
import type { StaffChangeResult } from '$lib/server/booking/commands';
import type { z } from 'zod';
import type { Locale } from '$lib/i18n/locale';
import { fieldErrors, formObject, formValues } from '$lib/server/http/form';
import { calendarAccess } from '../access.server';

/**
 * What the booking page's actions share: the gate, the booking id, and one mapping of a
 * command's result to a redirect (success notice) or a failure shown beside the right form.
 */
export type Which = 'cancel' | 'move' | 'attendance';

export async function bookingAction(event: RequestEvent<{ key: string; id: string }>) {
	const access = await calendarAccess(event);
	const id = Number(event.params.id);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, { message: 'not found' });
	return { ...access, id, ctx: { requestId: event.locals.requestId } };
}

export function outcome(
	event: RequestEvent<{ key: string; id: string }>,
	which: Which,
	form: FormData,
	result: StaffChangeResult,
	notice: string
) {
	const { locale } = event.locals;
	if (result.ok)
		redirect(
			303,
			localizePath(locale, `/intern/buero/${event.params.key}/kalender/${result.bookingId}?ok=${notice}`)
		);
	if (result.reason === 'not_found') error(404, { message: 'not found' });
	const values = formValues(form);
	let errors: Record<string, string>;
	if (result.reason === 'slot_taken') errors = { slot: translate(locale, 'calendar.error.slotTaken') };
	else
		errors = {
			_form: translate(locale, result.reason === 'not_yet' ? 'calendar.error.notYet' : 'calendar.error.state')
		};
	return fail(409, { which, values, errors });
}

/** A form that failed validation: field errors beside the form that was sent, values kept. */
export async function parse<T>(request: Request, schema: z.ZodType<T>, which: Which, locale: Locale) {
	const form = await request.formData().catch(() => new FormData());
	const result = schema.safeParse(formObject(form));
	if (result.success) return { ok: true as const, form, data: result.data };
	return {
		ok: false as const,
		failure: fail(400, { which, values: formValues(form), errors: fieldErrors(result.error, locale) })
	};
}

type Access = Awaited<ReturnType<typeof bookingAction>>;

/**
 * One form of the booking page: the gate, the form (`schema`; none for the attendance buttons),
 * one command, then `outcome` beside the form `which`, or the page again with `notice`.
 */
export function bookingForm<T>(
	which: Which,
	schema: z.ZodType<T> | null,
	run: (access: Access, data: T) => Promise<StaffChangeResult>,
	notice: string
) {
	return async (event: RequestEvent<{ key: string; id: string }>) => {
		const access = await bookingAction(event);
		if (!schema) return outcome(event, which, new FormData(), await run(access, undefined as T), notice);
		const parsed = await parse(event.request, schema, which, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		return outcome(event, which, parsed.form, await run(access, parsed.data), notice);
	};
}
