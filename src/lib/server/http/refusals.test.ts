import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../i18n/locale';
import { type MessageKey, translate } from '../../i18n/messages';
import { fieldCodeErrors, fieldRefusal, formRefusal, throttledFailure } from './refusals';

/** Issue 17: the refusals public forms share, each once. */
function visitor(locale: Locale = 'de') {
	const headers: Record<string, string> = {};
	const event = { locals: { locale }, setHeaders: (h: Record<string, string>) => Object.assign(headers, h) };
	return { event: event as unknown as RequestEvent, headers };
}

describe('throttledFailure', () => {
	it.each([
		[59, '1'],
		[61, '2'],
		[3600, '60']
	])('%s s: 429, Retry-After and the wait in whole minutes, values kept', (seconds, minutes) => {
		const { event, headers } = visitor('en');
		const r = throttledFailure(event, seconds, 'visibility.error.throttled', { name: 'Kim' });
		expect(headers).toEqual({ 'retry-after': String(seconds) });
		expect(r.status).toBe(429);
		expect(r.data).toMatchObject({ values: { name: 'Kim' }, errors: {} });
		expect(r.data.message).toContain(minutes);
	});

	it('without values: only the message (a page without a form to refill)', () => {
		const r = throttledFailure(visitor().event, 120, 'portal.home.linkThrottled');
		expect(Object.keys(r.data)).toEqual(['message']);
	});
});

describe('formRefusal and fieldRefusal', () => {
	it('say it for the whole form or beside one field, in the visitor’s language', () => {
		const whole = formRefusal(visitor('en').event, 409, { a: '1' }, 'form.error.duplicateSubmit');
		expect(whole.status).toBe(409);
		expect(whole.data).toEqual({
			values: { a: '1' },
			errors: {},
			message: translate('en', 'form.error.duplicateSubmit')
		});
		const field = fieldRefusal(visitor().event, 400, {}, 'email', 'form.error.email');
		expect(field.status).toBe(400);
		expect(field.data).toEqual({ values: {}, errors: { email: translate('de', 'form.error.email') } });
	});
});

describe('fieldCodeErrors', () => {
	const codes = { unknown: 'form.error.choice', required: 'form.error.required' } as const;
	it.each<[Record<string, string>, Record<string, string>, Record<string, MessageKey>]>([
		[{ land: 'unknown' }, {}, { land: 'form.error.choice' }],
		[{ land: 'odd' }, {}, { land: 'form.error.invalid' }],
		[
			{ consent_processing: 'required', officeId: 'unknown' },
			{ consent_processing: 'consentProcessing', officeId: 'slot' },
			{ consentProcessing: 'form.error.required', slot: 'form.error.choice' }
		]
	])('%o renamed by %o', (fields, rename, expected) => {
		const want = Object.fromEntries(Object.entries(expected).map(([f, key]) => [f, translate('de', key)]));
		expect(fieldCodeErrors('de', fields, codes, rename)).toEqual(want);
	});
});
