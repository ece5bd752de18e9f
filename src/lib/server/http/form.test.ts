import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseForm, validFields, withRuleErrors } from './form';

/** Issue 16: rules asked on a form that failed its schema see only the fields that were fine. */
const schema = z.object({
	name: z.string().trim().min(1),
	key: z.string().regex(/^[a-z]+$/),
	tags: z.array(z.string().regex(/^[a-z]+$/))
});

function post(entries: [string, string][]): Request {
	const body = new FormData();
	for (const [k, v] of entries) body.append(k, v);
	return new Request('http://localhost/', { method: 'POST', body });
}

describe('validFields', () => {
	it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
		['every field fine', { name: ' A ', key: 'ab', tags: ['x'] }, { name: 'A', key: 'ab', tags: ['x'] }],
		['a failed field is left out', { name: '', key: 'ab', tags: [] }, { key: 'ab', tags: [] }],
		['a missing field is left out', { key: 'AB' }, {}],
		['one bad element fails the whole list', { name: 'A', tags: ['x', 'Y'] }, { name: 'A' }]
	])('%s', (_, input, expected) => {
		expect(validFields(schema.shape, input)).toEqual(expected);
	});
});

describe('parseForm', () => {
	it('a failed parse keeps the input as the schema saw it (lists as lists)', async () => {
		const parsed = await parseForm(
			post([
				['key', 'ab'],
				['tags', 'x']
			]),
			schema,
			'de',
			{ multi: ['tags'] }
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.input).toEqual({ key: 'ab', tags: ['x'] });
		const merged = withRuleErrors(parsed.failure, { key: 'taken', name: 'rule' });
		expect(merged.data.errors.key).toBe('taken');
		expect(merged.data.errors.name).not.toBe('rule');
	});
});
