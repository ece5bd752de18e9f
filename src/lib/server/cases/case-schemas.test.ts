import { describe, expect, it } from 'vitest';
import { recordSchema, settingsSchema } from './case-schemas';

const ref = {
	topics: ['foerderung', 'steuern'],
	submarkets: ['design'],
	stages: ['idee'],
	laender: ['DE-BY']
};
const base = {
	topics: ['foerderung'],
	referral: [],
	idempotencyKey: 'k',
	outcome: 'plan_agreed',
	situation: '',
	advice: '',
	followUpWeeks: '',
	stepText1: '',
	stepOwner1: 'creative',
	stepDue1: '',
	stepText2: '',
	stepOwner2: 'creative',
	stepDue2: '',
	stepText3: '',
	stepOwner3: 'creative',
	stepDue3: ''
};

describe('record form', () => {
	it.each([
		{ name: 'minimal with a booking', input: {}, booking: true, errors: [] },
		{ name: 'no outcome', input: { outcome: '' }, booking: true, errors: ['outcome'] },
		{ name: 'unknown topic', input: { topics: ['astrologie'] }, booking: true, errors: ['topics'] },
		{ name: 'weeks out of range', input: { followUpWeeks: '53' }, booking: true, errors: ['followUpWeeks'] },
		{
			name: 'weeks not a number',
			input: { followUpWeeks: 'bald' },
			booking: true,
			errors: ['followUpWeeks']
		},
		{
			name: 'bad step date',
			input: { stepText1: 'x', stepDue1: '31.12.2026' },
			booking: true,
			errors: ['stepDue1']
		},
		{ name: 'note too long', input: { situation: 'x'.repeat(4001) }, booking: true, errors: ['situation'] },
		{
			name: 'without a booking: date and format needed',
			input: {},
			booking: false,
			errors: ['heldOn', 'format']
		},
		{
			name: 'without a booking, complete',
			input: { heldOn: '2026-11-20', format: 'phone' },
			booking: false,
			errors: []
		}
	])('$name', ({ input, booking, errors }) => {
		const r = recordSchema(ref, booking).safeParse({ ...base, ...input });
		expect(r.success ? [] : [...new Set(r.error.issues.map((i) => String(i.path[0])))].sort()).toEqual(
			[...errors].sort()
		);
	});

	it('keeps only filled step rows, in order, with owner and due day', () => {
		const r = recordSchema(ref, true).parse({
			...base,
			stepText1: ' Kostenplan ',
			stepDue1: '2026-12-01',
			stepText3: 'KSK anrufen',
			stepOwner3: 'consultant',
			referral: ['12', '7'],
			shareSteps: 'on'
		});
		expect(r.steps).toEqual([
			{ text: 'Kostenplan', owner: 'creative', dueOn: '2026-12-01' },
			{ text: 'KSK anrufen', owner: 'consultant', dueOn: null }
		]);
		expect(r.referralServiceIds).toEqual([12, 7]);
		expect(r.share).toEqual({ advice: false, steps: true, referrals: false });
		expect(r.heldOn).toBeNull();
	});
});

describe('rhythm settings form', () => {
	it.each([
		{
			input: {
				firstCheckinWeeks: '4',
				checkinIntervalWeeks: '8',
				stalledDays: '60',
				referralFollowupDays: '21'
			},
			ok: true
		},
		{
			input: {
				firstCheckinWeeks: '0',
				checkinIntervalWeeks: '8',
				stalledDays: '60',
				referralFollowupDays: '21'
			},
			ok: false
		},
		{
			input: {
				firstCheckinWeeks: '4',
				checkinIntervalWeeks: '8',
				stalledDays: '3',
				referralFollowupDays: '21'
			},
			ok: false
		},
		{
			input: {
				firstCheckinWeeks: '4',
				checkinIntervalWeeks: 'x',
				stalledDays: '60',
				referralFollowupDays: '21'
			},
			ok: false
		}
	])('$input → ok: $ok', ({ input, ok }) => {
		expect(settingsSchema.safeParse(input).success).toBe(ok);
	});
});
