import { isRedirect, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Locale } from '../../i18n/locale';
import { fieldFailure } from './form';
import { formAction } from './form-action';
import { idParam } from './route-answers';

/** Issue 17: the one form-action shape — gate, parse, command, refusal, redirect — as a table. */
function post(fields: Record<string, string>, locale: Locale = 'de') {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	const request = new Request('http://x/f', { method: 'POST', body });
	return { request, locals: { locale }, url: new URL('http://x/f') } as unknown as RequestEvent;
}

const calls: string[] = [];
const action = formAction({
	access: async () => {
		calls.push('access');
		return { officeKey: 'hh' };
	},
	schema: z.object({ name: z.string().min(1), n: z.coerce.number().int() }),
	run: async ({ data }) => {
		calls.push(`run ${data.name}`);
		return data.name === 'nein' ? { ok: false as const, reason: 'refused' } : { ok: true as const, id: 7 };
	},
	refuse: (result, values) => fieldFailure(409, values, { name: result.reason }),
	done: ({ access, result }) => `/intern/buero/${access.officeKey}/x/${result.id}`
});

async function outcome(event: RequestEvent) {
	calls.length = 0;
	try {
		const failure = await action(event);
		return { status: failure.status, data: failure.data, calls: [...calls] };
	} catch (thrown) {
		if (!isRedirect(thrown)) throw thrown;
		return { status: thrown.status, location: thrown.location, calls: [...calls] };
	}
}

describe('formAction', () => {
	it('answers a form the schema refuses with 400, German field errors and the values kept, without running', async () => {
		const o = await outcome(post({ name: '', n: 'drei' }));
		expect(o).toEqual({
			status: 400,
			data: {
				values: { name: '', n: 'drei' },
				errors: { name: 'Bitte füllen Sie dieses Feld aus.', n: 'Bitte geben Sie eine Zahl an.' }
			},
			calls: ['access']
		});
	});

	it('turns a refusal of the command into the route’s failure with the values kept', async () => {
		const o = await outcome(post({ name: 'nein', n: '3' }));
		expect(o).toMatchObject({
			status: 409,
			data: { values: { name: 'nein', n: '3' }, errors: { name: 'refused' } }
		});
		expect(o.calls).toEqual(['access', 'run nein']);
	});

	it.each([
		['de', '/intern/buero/hh/x/7'],
		['en', '/en/intern/buero/hh/x/7']
	] as const)(
		'redirects with 303 after success, in the visitor’s language (%s)',
		async (locale, location) => {
			expect(await outcome(post({ name: 'ja', n: '3' }, locale))).toEqual({
				status: 303,
				location,
				calls: ['access', 'run ja']
			});
		}
	);
});

describe('idParam', () => {
	it.each([
		['1', 1],
		['123456789', 123456789],
		['1234567890', 0],
		['0012', 12],
		['-1', 0],
		['1e3', 0],
		['', 0],
		[null, 0],
		[undefined, 0]
	])('%s → %s', (value, id) => {
		expect(idParam(value)).toBe(id);
	});
});
