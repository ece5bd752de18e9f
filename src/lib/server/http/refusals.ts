import { type ActionFailure, fail, type RequestEvent } from '@sveltejs/kit';
import type { Locale } from '../../i18n/locale';
import { type MessageKey, type MessageParams, translate } from '../../i18n/messages';
import { minutesToWait } from '../identity/index';
import type { FormFailure, FormValues } from './form';

/**
 * Issue 17: the refusals public forms share, in one place each, so every throttled form says
 * "try again in N minutes" the same way and every command's field codes read as catalogue texts.
 */

type Throttled = Pick<RequestEvent, 'locals' | 'setHeaders'>;
type Visitor = Pick<RequestEvent, 'locals'>;

/** A refusal of the whole form: the status, the message in the visitor's language, the values kept. */
export function formRefusal(
	event: Visitor,
	status: number,
	values: FormValues,
	key: MessageKey,
	params?: MessageParams
): ActionFailure<FormFailure> {
	return fail(status, { values, errors: {}, message: translate(event.locals.locale, key, params) });
}

/** A refusal that belongs to one field (shown beside it), the values kept. */
export function fieldRefusal(
	event: Visitor,
	status: number,
	values: FormValues,
	field: string,
	key: MessageKey,
	params?: MessageParams
): ActionFailure<FormFailure> {
	return fail(status, { values, errors: { [field]: translate(event.locals.locale, key, params) } });
}

/**
 * A form refused for too many tries: 429 with Retry-After and the wait in minutes in the
 * visitor's language; with `values`, the form's values are kept (a form page), else only the message.
 */
export function throttledFailure(
	event: Throttled,
	retryAfterSeconds: number,
	key: MessageKey,
	values: FormValues
): ActionFailure<FormFailure>;
export function throttledFailure(
	event: Throttled,
	retryAfterSeconds: number,
	key: MessageKey
): ActionFailure<{ message: string }>;
export function throttledFailure(
	event: Throttled,
	retryAfterSeconds: number,
	key: MessageKey,
	values?: FormValues
): ActionFailure<FormFailure> | ActionFailure<{ message: string }> {
	event.setHeaders({ 'retry-after': String(retryAfterSeconds) });
	const message = translate(event.locals.locale, key, { minutes: minutesToWait(retryAfterSeconds) });
	return values ? fail(429, { values, errors: {}, message }) : fail(429, { message });
}

/**
 * A command's field refusals (`{ field: code }`) as the form's errors: each code through the
 * route's table of catalogue keys, an unknown code as "invalid"; `rename` maps the command's
 * field names to the form's where they differ.
 */
export function fieldCodeErrors(
	locale: Locale,
	fields: Record<string, string>,
	codes: Record<string, MessageKey>,
	rename: Record<string, string> = {}
): Record<string, string> {
	return Object.fromEntries(
		Object.entries(fields).map(([field, code]) => [
			rename[field] ?? field,
			translate(locale, codes[code] ?? 'form.error.invalid')
		])
	);
}
