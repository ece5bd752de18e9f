import { describe, expect, it } from 'vitest';
import { bookingIntake } from './intake-form';

/** Issue 17: one mapping of both booking forms' intake; each form keeps its own field names. */
const common = {
	name: 'Alex Anders',
	email: 'alex@example.org',
	phone: '030 1234567',
	postcode: null,
	land: 'DE-BE',
	submarket: 'musik',
	stage: 'gruendung',
	topics: [],
	concern: 'Förderung für ein Album'
};
const intake = { ...common, heardFrom: 'Messe' };

describe('bookingIntake', () => {
	it.each([
		[
			'public /termin (snake_case)',
			bookingIntake('public', {
				...common,
				heard_from: 'Messe',
				consent_processing: true,
				consent_notes: true,
				consent_news: false
			}),
			{ intake, consents: { processing: true, notes: true, news: false } }
		],
		[
			'staff phone booking (camelCase)',
			bookingIntake('staff', {
				...common,
				heardFrom: 'Messe',
				consentProcessing: true,
				consentNotes: true,
				consentNews: false
			}),
			{ intake, consents: { processing: true, notes: true, news: false } }
		],
		[
			'no answer to "how did you hear of us", no consent but processing',
			bookingIntake('public', {
				...common,
				heard_from: null,
				consent_processing: true,
				consent_notes: false,
				consent_news: false
			}),
			{ intake: { ...common, heardFrom: null }, consents: { processing: true, notes: false, news: false } }
		]
	])('%s', (_, mapped, expected) => {
		expect(mapped).toEqual(expected);
	});

	it('takes only the intake: a form’s other fields (slot, submission id, locale) stay out', () => {
		const mapped = bookingIntake('staff', {
			...common,
			heardFrom: null,
			consentProcessing: true,
			consentNotes: false,
			consentNews: true,
			slot: { start: 1, consultantId: 2, format: 'office' },
			locale: 'de'
		} as Parameters<typeof bookingIntake<'staff'>>[1]);
		expect(Object.keys(mapped.intake).sort()).toEqual(Object.keys(intake).sort());
	});
});
