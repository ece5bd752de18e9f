import { describe, expect, it } from 'vitest';
import { cancelSchema, moveSchema, onBehalfSchema, slotValue } from './calendar-schema';

const ref = {
	laender: ['DE-NW'],
	submarkets: ['design'],
	stages: ['idee'],
	topics: ['finanzierung', 'recht']
};
const form = {
	slot: slotValue({ start: 1796198400000, consultantId: 11, format: 'office' }),
	name: ' Kim ',
	email: 'KIM@example.org',
	phone: '',
	postcode: '',
	land: 'DE-NW',
	submarket: 'design',
	stage: 'idee',
	topics: ['recht'],
	concern: 'Gründung',
	heardFrom: '',
	locale: 'de',
	consentProcessing: 'on'
};

describe('staff calendar form schemas', () => {
	it('reads a booking on behalf: slot value, trimmed text, empty optionals as null', () => {
		const r = onBehalfSchema(ref).parse(form);
		expect(r.slot).toEqual({ start: 1796198400000, consultantId: 11, format: 'office' });
		expect(r).toMatchObject({
			name: 'Kim',
			email: 'kim@example.org',
			phone: null,
			postcode: null,
			heardFrom: null
		});
		expect(r).toMatchObject({ consentProcessing: true, consentNotes: false, consentNews: false });
	});

	it.each([
		['slot', { slot: 'x' }, 'calendar.error.slot'],
		['slot', { slot: undefined }, 'calendar.error.slot'],
		['consentProcessing', { consentProcessing: undefined }, 'calendar.error.consent'],
		['land', { land: 'DE-XX' }, 'form.error.choice'],
		['topics', { topics: ['lotto'] }, 'form.error.choice']
	])('refuses a bad %s', (field, override, message) => {
		const r = onBehalfSchema(ref).safeParse({ ...form, ...override });
		expect(r.success).toBe(false);
		const issue = r.error!.issues.find((i) => i.path[0] === field);
		expect(issue?.message).toBe(message);
	});

	it('needs a reason to cancel; moving takes a start and an optional reason', () => {
		expect(cancelSchema.safeParse({}).success).toBe(false);
		expect(cancelSchema.parse({ reason: ' krank ' })).toEqual({ reason: 'krank' });
		expect(moveSchema.parse({ slot: '1796198400000' })).toEqual({ slot: 1796198400000, reason: null });
		expect(moveSchema.safeParse({ slot: '' }).success).toBe(false);
	});
});
