import { describe, expect, it } from 'vitest';
import { eventFormSchema, formValuesOf, newEventFormSchemaAt } from './schema';

const valid = {
	type: 'workshop',
	title: 'Preise',
	description: '',
	submarkets: ['film'],
	topics: [],
	format: 'onsite',
	venue_name: '',
	venue_address: 'Viktoriastraße 75, Bochum',
	venue_land: 'DE-NW',
	accessibility: '',
	online_url: '',
	start_date: '2026-03-29',
	start_time: '10:00',
	end_date: '',
	end_time: '12:00',
	capacity: '20',
	registration_opens: '',
	registration_closes: '',
	offer_hours: '',
	questions: 'Was möchten Sie lernen?\n\n',
	contact_name: 'Eva',
	contact_email: 'Eva@Example.org',
	materials_url: ''
};

const errors = (input: Record<string, unknown>) => {
	const r = eventFormSchema.safeParse(input);
	return r.success ? [] : r.error.issues.map((i) => `${String(i.path[0])}:${i.message}`);
};

describe('the staff event form', () => {
	it('reads Berlin wall-clock times (DST Sunday) and fills defaults', () => {
		const r = eventFormSchema.parse(valid);
		expect(new Date(r.start).toISOString()).toBe('2026-03-29T08:00:00.000Z');
		expect(new Date(r.end).toISOString()).toBe('2026-03-29T10:00:00.000Z');
		expect(r).toMatchObject({
			capacity: 20,
			offerHours: 48,
			questions: ['Was möchten Sie lernen?'],
			contactEmail: 'eva@example.org',
			onlineUrl: null
		});
	});

	it.each([
		['an empty form gives field errors, never an exception', {}, ['type:', 'title:']],
		['end before start', { ...valid, end_time: '09:00' }, ['end_time:events.error.endBeforeStart']],
		['a time that is not HH:MM', { ...valid, start_time: '10 Uhr' }, ['start_time:events.error.time']],
		[
			'on site without an address',
			{ ...valid, venue_address: '' },
			['venue_address:events.error.venueRequired']
		],
		[
			'online without a link',
			{ ...valid, format: 'online', venue_address: '' },
			['online_url:events.error.onlineRequired']
		],
		['capacity 0', { ...valid, capacity: '0' }, ['capacity:events.error.capacity']],
		['six questions', { ...valid, questions: 'a\nb\nc\nd\ne\nf' }, ['questions:events.error.questions']],
		[
			'a javascript: link',
			{ ...valid, materials_url: 'javascript:alert(1)' },
			['materials_url:form.error.url']
		]
	])('%s', (_name, input, expected) => {
		const found = errors(input);
		for (const e of expected)
			expect(
				found.some((f) => f.startsWith(e)),
				`${e} in ${found.join(', ')}`
			).toBe(true);
	});

	it('round-trips an event through the form values', () => {
		const parsed = eventFormSchema.parse(valid);
		const again = eventFormSchema.parse({ ...formValuesOf({ ...parsed, officeId: 4 }), network: '' });
		expect(again).toEqual(parsed);
	});
});

describe('a new event: all errors in one round (issue 16)', () => {
	// 09:00 in Berlin on the DST Sunday (CEST).
	const now = Date.parse('2026-03-29T07:00:00Z');
	const errorsAt = (input: Record<string, unknown>) => {
		const r = newEventFormSchemaAt(now).safeParse(input);
		// Own rules by their message key; zod's built-in checks by the field alone.
		return r.success
			? []
			: r.error.issues
					.map((i) => (i.code === 'custom' ? `${String(i.path[0])}:${i.message}` : String(i.path[0])))
					.sort();
	};
	it.each([
		['a start ahead', valid, []],
		['the start passed', { ...valid, start_time: '08:30' }, ['start_date:events.error.past']],
		['the start exactly now', { ...valid, start_time: '09:00' }, ['start_date:events.error.past']],
		[
			'the start passed and the type missing: both at once',
			{ ...valid, start_time: '08:30', type: '' },
			['start_date:events.error.past', 'type']
		],
		[
			'the start passed and the title empty: both at once',
			{ ...valid, start_time: '08:30', title: '' },
			['start_date:events.error.past', 'title']
		],
		['an unreadable date: no past error', { ...valid, start_date: 'gestern' }, ['start_date']]
	])('%s', (_name, input, expected) => {
		expect(errorsAt(input as Record<string, unknown>)).toEqual(expected);
	});
});
