import { describe, expect, it } from 'vitest';
import { addDays, berlinDate, berlinInstant, berlinTime } from '../../time/berlin';
import {
	type BookingSettings,
	computeSlots,
	DEFAULT_BOOKING_SETTINGS,
	type RuleInput,
	type SlotInput
} from './rules';

/**
 * Slots as data tables. Every expectation is written in Berlin wall-clock time
 * ('YYYY-MM-DD HH:MM format consultant'), so a row reads like the calendar an office sees.
 * This suite runs under TZ=UTC and TZ=Pacific/Chatham; nothing may depend on the process zone.
 */
const C = 7;
const rule = (weekday: number, start: string, end: string, extra: Partial<RuleInput> = {}): RuleInput => ({
	consultantId: C,
	format: 'office',
	weekday,
	startTime: start,
	endTime: end,
	validFrom: null,
	validTo: null,
	...extra
});
const at = (date: string, time: string) => berlinInstant(date, time);
const iv = (date: string, from: string, to: string, consultantId = C) => ({
	consultantId,
	start: at(date, from),
	end: at(date, to)
});

// Monday 2026-06-15; "now" a week earlier so notice and horizon stay out of the way.
const MON = '2026-06-15';
const base = (over: Partial<SlotInput>): SlotInput => ({
	settings: DEFAULT_BOOKING_SETTINGS,
	rules: [],
	overrides: [],
	absences: [],
	busy: [],
	sprechtage: [],
	from: MON,
	to: MON,
	now: new Date('2026-06-08T06:00:00Z'),
	...over
});
const show = (input: SlotInput) =>
	computeSlots(input).map(
		(s) =>
			`${berlinDate(s.start)} ${berlinTime(s.start)} ${s.format} ${s.consultantId}${s.sprechtagId ? ` #${s.sprechtagId}` : ''}`
	);
const settings = (over: Partial<BookingSettings>): BookingSettings => ({
	...DEFAULT_BOOKING_SETTINGS,
	...over
});

describe('computeSlots', () => {
	const rows: [string, Partial<SlotInput>, string[]][] = [
		[
			'plain weekday morning',
			{ rules: [rule(1, '09:00', '12:00')] },
			['2026-06-15 09:00 office 7', '2026-06-15 10:15 office 7']
		],
		[
			'afternoon slots: 60 minutes plus 15 buffer',
			{ rules: [rule(1, '14:00', '17:00')] },
			['2026-06-15 14:00 office 7', '2026-06-15 15:15 office 7']
		],
		[
			'afternoon slots to 17:30 fit a third one ending exactly at the window end',
			{ rules: [rule(1, '14:00', '17:30')] },
			['2026-06-15 14:00 office 7', '2026-06-15 15:15 office 7', '2026-06-15 16:30 office 7']
		],
		[
			'no buffer, 30-minute phone slots in the afternoon',
			{
				rules: [rule(1, '15:00', '16:30', { format: 'phone' })],
				settings: settings({ durationPhone: 30, bufferMinutes: 0 })
			},
			['2026-06-15 15:00 phone 7', '2026-06-15 15:30 phone 7', '2026-06-15 16:00 phone 7']
		],
		['rule on another weekday gives nothing', { rules: [rule(2, '09:00', '12:00')] }, []],
		['window shorter than a slot gives nothing', { rules: [rule(1, '09:00', '09:45')] }, []],
		[
			'a booking removes its slot and, with the buffer, the neighbour it touches',
			{
				rules: [rule(1, '09:00', '13:00')],
				// 10:15–11:15 booked: widened by the buffer to 10:00–11:30. 09:00–10:00 ends at
				// 10:00 and 11:30 starts at 11:30, so both stay; 10:15 goes.
				busy: [iv(MON, '10:15', '11:15')]
			},
			['2026-06-15 09:00 office 7', '2026-06-15 11:30 office 7']
		],
		[
			'a booking closer than the buffer removes the neighbouring slot',
			{ rules: [rule(1, '09:00', '13:00')], busy: [iv(MON, '10:05', '10:35')] },
			['2026-06-15 11:30 office 7']
		],
		[
			"another consultant's booking changes nothing",
			{ rules: [rule(1, '09:00', '12:00')], busy: [iv(MON, '09:00', '10:00', 99)] },
			['2026-06-15 09:00 office 7', '2026-06-15 10:15 office 7']
		],
		[
			'an absence removes the slots it overlaps (no buffer)',
			{ rules: [rule(1, '09:00', '13:00')], absences: [iv(MON, '10:00', '10:20')] },
			['2026-06-15 09:00 office 7', '2026-06-15 11:30 office 7']
		],
		[
			'a holiday across days removes them all',
			{
				rules: [rule(1, '09:00', '12:00'), rule(2, '09:00', '10:00')],
				to: '2026-06-16',
				absences: [{ consultantId: C, start: at('2026-06-14', '00:00'), end: at('2026-06-16', '09:30') }]
			},
			[]
		],
		[
			'a blocked day removes every format',
			{
				rules: [rule(1, '09:00', '12:00'), rule(1, '13:00', '14:00', { format: 'video' })],
				overrides: [
					{ consultantId: C, date: MON, kind: 'blocked', format: null, startTime: null, endTime: null }
				]
			},
			[]
		],
		[
			'a blocked range removes only the slots it overlaps',
			{
				rules: [rule(1, '09:00', '12:00'), rule(1, '13:00', '14:00', { format: 'video' })],
				overrides: [
					{ consultantId: C, date: MON, kind: 'blocked', format: null, startTime: '10:30', endTime: '13:30' }
				]
			},
			['2026-06-15 09:00 office 7']
		],
		[
			'a block on another date changes nothing',
			{
				rules: [rule(1, '09:00', '10:00')],
				overrides: [
					{
						consultantId: C,
						date: '2026-06-16',
						kind: 'blocked',
						format: null,
						startTime: null,
						endTime: null
					}
				]
			},
			['2026-06-15 09:00 office 7']
		],
		[
			'an extra window adds slots on a day without weekly hours',
			{
				overrides: [
					{ consultantId: C, date: MON, kind: 'extra', format: 'video', startTime: '16:00', endTime: '18:30' }
				]
			},
			['2026-06-15 16:00 video 7', '2026-06-15 17:15 video 7']
		],
		[
			'an extra window duplicating a weekly one gives each slot once',
			{
				rules: [rule(1, '09:00', '10:00')],
				overrides: [
					{
						consultantId: C,
						date: MON,
						kind: 'extra',
						format: 'office',
						startTime: '09:00',
						endTime: '10:00'
					}
				]
			},
			['2026-06-15 09:00 office 7']
		],
		[
			'validity: the rule starts later',
			{ rules: [rule(1, '09:00', '10:00', { validFrom: '2026-06-16' })], to: '2026-06-22' },
			['2026-06-22 09:00 office 7']
		],
		[
			'validity: the rule ended (validTo inclusive)',
			{ rules: [rule(1, '09:00', '10:00', { validTo: '2026-06-15' })], to: '2026-06-22' },
			['2026-06-15 09:00 office 7']
		],
		[
			'notice: a slot starting before now + 24 h is dropped, the one at exactly 24 h is kept',
			{ rules: [rule(1, '09:00', '12:00')], now: new Date(at('2026-06-14', '10:15')) },
			['2026-06-15 10:15 office 7']
		],
		[
			'horizon: slots after now + 56 days are dropped',
			{
				rules: [rule(1, '09:00', '10:00')],
				now: new Date(at('2026-06-08', '09:30')),
				from: '2026-07-27',
				to: '2026-08-31'
			},
			// 2026-06-08 09:30 + 56 days = 2026-08-03 09:30: the 09:00 slot that day is in, 08-10 out.
			['2026-07-27 09:00 office 7', '2026-08-03 09:00 office 7']
		],
		[
			'formats and consultants sort by start, then consultant',
			{
				rules: [
					rule(1, '09:00', '10:00', { consultantId: 9 }),
					rule(1, '09:00', '10:00', { consultantId: 3, format: 'phone' }),
					rule(1, '08:00', '09:00', { consultantId: 9, format: 'video' })
				]
			},
			['2026-06-15 08:00 video 9', '2026-06-15 09:00 phone 3', '2026-06-15 09:00 office 9']
		],
		[
			'format filter',
			{ rules: [rule(1, '09:00', '10:00'), rule(1, '10:00', '11:00', { format: 'phone' })], format: 'phone' },
			['2026-06-15 10:00 phone 7']
		],
		[
			'consultant filter',
			{ rules: [rule(1, '09:00', '10:00'), rule(1, '10:00', '11:00', { consultantId: 8 })], consultantId: 8 },
			['2026-06-15 10:00 office 8']
		],
		[
			'a Sprechtag gives 45-minute slots with buffer',
			{
				sprechtage: [
					{ id: 4, consultantId: C, date: MON, startTime: '10:00', endTime: '13:00', status: 'planned' }
				]
			},
			[
				'2026-06-15 10:00 sprechtag 7 #4',
				'2026-06-15 11:00 sprechtag 7 #4',
				'2026-06-15 12:00 sprechtag 7 #4'
			]
		],
		[
			'a cancelled Sprechtag gives none',
			{
				sprechtage: [
					{ id: 4, consultantId: C, date: MON, startTime: '10:00', endTime: '13:00', status: 'cancelled' }
				]
			},
			[]
		],
		[
			'a booking on a Sprechtag removes that slot',
			{
				sprechtage: [
					{ id: 4, consultantId: C, date: MON, startTime: '10:00', endTime: '12:00', status: 'planned' }
				],
				busy: [iv(MON, '10:00', '10:45')]
			},
			['2026-06-15 11:00 sprechtag 7 #4']
		],
		[
			'the format filter excludes Sprechtage',
			{
				rules: [rule(1, '09:00', '10:00')],
				sprechtage: [
					{ id: 4, consultantId: C, date: MON, startTime: '10:00', endTime: '11:00', status: 'planned' }
				],
				format: 'office'
			},
			['2026-06-15 09:00 office 7']
		],
		[
			'DST spring: a Sunday rule on 2026-03-29 and the Monday after',
			{
				rules: [rule(7, '09:00', '10:00'), rule(1, '14:00', '15:00')],
				from: '2026-03-28',
				to: '2026-03-30',
				now: new Date('2026-03-20T00:00:00Z')
			},
			['2026-03-29 09:00 office 7', '2026-03-30 14:00 office 7']
		],
		[
			'DST autumn: a Sunday rule on 2026-10-25 and the Monday after',
			{
				rules: [rule(7, '09:00', '10:00'), rule(1, '14:00', '15:00')],
				from: '2026-10-24',
				to: '2026-10-26',
				now: new Date('2026-10-20T00:00:00Z')
			},
			['2026-10-25 09:00 office 7', '2026-10-26 14:00 office 7']
		]
	];

	it.each(rows)('%s', (_name, over, expected) => {
		expect(show(base(over))).toEqual(expected);
	});

	const dst: [string, string, string, string][] = [
		// Sprechtag date, first slot UTC, last slot UTC (09:00–11:00 Berlin, 45 + 15)
		[
			'2026-03-29',
			'2026-03-29T07:00:00.000Z',
			'2026-03-29T08:00:00.000Z',
			'summer time: 09:00 Berlin = 07:00Z'
		],
		[
			'2026-10-25',
			'2026-10-25T08:00:00.000Z',
			'2026-10-25T09:00:00.000Z',
			'winter time: 09:00 Berlin = 08:00Z'
		],
		['2026-03-28', '2026-03-28T08:00:00.000Z', '2026-03-28T09:00:00.000Z', 'the day before the spring change']
	];
	it.each(dst)('Sprechtag on %s starts at %s (%s)', (date, first, second) => {
		const slots = computeSlots(
			base({
				sprechtage: [
					{ id: 1, consultantId: C, date, startTime: '09:00', endTime: '11:00', status: 'planned' }
				],
				from: date,
				to: date,
				now: new Date(`${addDays(date, -7)}T00:00:00Z`)
			})
		);
		expect(slots.map((s) => new Date(s.start).toISOString())).toEqual([first, second]);
		for (const s of slots) expect(s.end - s.start).toBe(45 * 60_000);
	});

	it('weekly slots on the DST Sundays keep their wall-clock time in UTC terms', () => {
		const slots = (date: string) =>
			computeSlots(
				base({
					rules: [rule(7, '09:00', '10:00')],
					from: date,
					to: date,
					now: new Date(`${addDays(date, -7)}T00:00:00Z`)
				})
			).map((s) => new Date(s.start).toISOString());
		expect(slots('2026-03-29')).toEqual(['2026-03-29T07:00:00.000Z']);
		expect(slots('2026-10-25')).toEqual(['2026-10-25T08:00:00.000Z']);
	});

	it('eight weeks of weekly hours give the expected count and stay sorted', () => {
		const slots = computeSlots(
			base({
				rules: [1, 2, 3, 4]
					.map((d) => rule(d, '09:00', '12:00'))
					.concat(rule(5, '09:00', '12:00', { format: 'video' })),
				from: '2026-06-09',
				to: '2026-08-31',
				now: new Date('2026-06-08T06:00:00Z')
			})
		);
		// 56-day horizon from 06-08 08:00 Berlin ends 08-03 08:00: Mon 06-15 … Fri 07-31 = 7 weeks + Tue 06-09…Fri 06-12.
		expect(slots.length).toBe((4 + 7 * 5) * 2);
		for (let i = 1; i < slots.length; i++) expect(slots[i]!.start).toBeGreaterThan(slots[i - 1]!.start);
	});

	it('an empty or reversed range gives nothing', () => {
		expect(
			computeSlots(base({ rules: [rule(1, '09:00', '12:00')], from: '2026-06-16', to: '2026-06-15' }))
		).toEqual([]);
	});
});
