import { describe, expect, it } from 'vitest';
import { berlinInstant } from '../../time/berlin';
import { recordSchema } from './case-schemas';
import { recordFromForm } from './record';

/** The record form's fields as recordConsultation takes them (issue 17: no mapping left in the route). */
const choices = { topics: ['finanzierung'], submarkets: [], stages: [], laender: ['DE-NW'] };
const sent = {
	topics: ['finanzierung'],
	referral: ['7'],
	outcome: 'plan_agreed',
	situation: 'Lage',
	advice: '',
	followUpWeeks: '4',
	shareSteps: 'on',
	heldOn: '2026-03-29',
	format: 'phone',
	idempotencyKey: 'k1',
	stepText1: '',
	stepText2: 'Kostenplan',
	stepOwner2: 'consultant',
	stepDue2: '2026-04-10'
};

describe('recordFromForm', () => {
	it('a talk without booking: the day given at noon in Berlin (a DST day), its format', () => {
		const form = recordSchema(choices, false).parse(sent);
		expect(recordFromForm(5, null, form)).toEqual({
			caseId: 5,
			bookingId: null,
			heldAt: berlinInstant('2026-03-29', '12:00'),
			format: 'phone',
			topics: ['finanzierung'],
			outcome: 'plan_agreed',
			situation: 'Lage',
			advice: null,
			followUpWeeks: 4,
			share: { advice: false, steps: true, referrals: false },
			steps: [{ text: 'Kostenplan', owner: 'consultant', dueOn: '2026-04-10' }],
			referralServiceIds: [7],
			idempotencyKey: 'k1'
		});
		expect(new Date(berlinInstant('2026-03-29', '12:00')).toISOString()).toBe('2026-03-29T10:00:00.000Z');
	});

	it("a booked talk: time and format are the booking's, whatever the form says", () => {
		const form = recordSchema(choices, true).parse(sent);
		expect(recordFromForm(5, 42, form)).toMatchObject({
			caseId: 5,
			bookingId: 42,
			heldAt: null,
			format: null
		});
	});
});
