import { fail, type RequestEvent } from '@sveltejs/kit';
import { type MessageKey, translate } from '../../i18n/messages';
import { minutesToWait } from '../identity/index';
import type { FormValues } from './form';

/**
 * Too many attempts: 429 with Retry-After (seconds), and the wait in words for people.
 * The form keeps what was typed (never secrets).
 */
export function throttled(event: RequestEvent, values: FormValues, seconds: number, key: MessageKey) {
	event.setHeaders({ 'retry-after': String(seconds) });
	const message = translate(event.locals.locale, key, { minutes: minutesToWait(seconds) });
	return fail(429, { values, errors: {} as Record<string, string>, message });
}
