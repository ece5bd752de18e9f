import { describe, expect, it } from 'vitest';
import {
	addDays,
	addMonths,
	berlinDate,
	berlinDayEnd,
	berlinDayStart,
	berlinInstant,
	berlinMonth,
	berlinMonthRange,
	berlinOffset,
	berlinTime,
	isIsoDay,
	isoWeekday
} from './berlin';

/**
 * Berlin wall clock ↔ instants as data tables. The suite runs under TZ=Pacific/Chatham, so a
 * conversion that leans on the process zone fails; the DST rows fail an algorithm that guesses
 * the offset once (it is wrong within hours of a change) or reads the overlap the other way.
 */
const iso = (instant: number) => new Date(instant).toISOString();

describe('time helpers', () => {
	const rows: [string, string, string][] = [
		// date, Berlin time, UTC instant
		['2026-06-15', '09:00', '2026-06-15T07:00:00.000Z'],
		['2026-01-15', '09:00', '2026-01-15T08:00:00.000Z'],
		['2026-03-28', '09:00', '2026-03-28T08:00:00.000Z'],
		['2026-03-29', '01:59', '2026-03-29T00:59:00.000Z'],
		['2026-03-29', '03:00', '2026-03-29T01:00:00.000Z'],
		['2026-03-29', '09:00', '2026-03-29T07:00:00.000Z'],
		['2026-10-25', '01:30', '2026-10-24T23:30:00.000Z'],
		['2026-10-25', '09:00', '2026-10-25T08:00:00.000Z'],
		['2026-10-25', '14:00', '2026-10-25T13:00:00.000Z'],
		['2026-12-31', '23:30', '2026-12-31T22:30:00.000Z']
	];
	it.each(rows)('%s %s Berlin is %s', (date, time, iso) => {
		const instant = berlinInstant(date, time);
		expect(new Date(instant).toISOString()).toBe(iso);
		expect(berlinDate(instant)).toBe(date);
		expect(berlinTime(instant)).toBe(time);
	});

	it('takes the first of the repeated hour and moves a skipped time forward', () => {
		expect(new Date(berlinInstant('2026-10-25', '02:30')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
		expect(berlinTime(berlinInstant('2026-03-29', '02:30'))).toBe('03:30');
	});

	it('reads Berlin dates across midnight', () => {
		expect(berlinDate(Date.parse('2026-06-14T22:30:00Z'))).toBe('2026-06-15');
		expect(berlinDate(Date.parse('2026-01-14T22:30:00Z'))).toBe('2026-01-14');
		expect(berlinDate(Date.parse('2026-01-14T23:30:00Z'))).toBe('2026-01-15');
	});

	it.each([
		['2026-06-15', 1, '2026-06-16', 2],
		['2026-03-28', 1, '2026-03-29', 7],
		['2026-10-25', 1, '2026-10-26', 1],
		['2026-12-31', 1, '2027-01-01', 5],
		['2026-03-01', -1, '2026-02-28', 6]
	] as const)('addDays(%s, %i) = %s (ISO weekday %i)', (date, n, result, weekday) => {
		expect(addDays(date, n)).toBe(result);
		expect(isoWeekday(result)).toBe(weekday);
	});
});

describe('Berlin calendar days as instants', () => {
	it.each([
		['2026-01-15', '2026-01-14T23:00:00.000Z', '2026-01-15T23:00:00.000Z'],
		['2026-06-15', '2026-06-14T22:00:00.000Z', '2026-06-15T22:00:00.000Z'],
		// 23-hour and 25-hour days
		['2026-03-29', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
		['2026-10-25', '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z'],
		['2026-12-31', '2026-12-30T23:00:00.000Z', '2026-12-31T23:00:00.000Z']
	])('%s starts at %s and ends at %s', (day, start, end) => {
		expect(new Date(berlinDayStart(day)).toISOString()).toBe(start);
		expect(new Date(berlinDayEnd(day)).toISOString()).toBe(end);
	});

	it.each([
		['2026-02-29', false],
		['2028-02-29', true],
		['2026-13-01', false],
		['26-01-01', false],
		['2026-1-1', false],
		['', false],
		['2026-06-15', true]
	])('isIsoDay(%j) is %s', (value, ok) => {
		expect(isIsoDay(value)).toBe(ok);
	});

	it('refuses a non-day', () => {
		expect(() => berlinDayStart('gestern')).toThrow(RangeError);
	});
});

describe('the clock changes', () => {
	it.each([
		// date, Berlin wall time, instant: spring forward (02:00 -> 03:00 on 29 March 2026)
		['2026-03-29', '00:00', '2026-03-28T23:00:00.000Z'],
		['2026-03-29', '01:59', '2026-03-29T00:59:00.000Z'],
		['2026-03-29', '02:00', '2026-03-29T01:00:00.000Z'], // does not exist: read as 03:00
		['2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'], // does not exist: read as 03:30
		['2026-03-29', '02:59', '2026-03-29T01:59:00.000Z'],
		['2026-03-29', '03:00', '2026-03-29T01:00:00.000Z'],
		['2026-03-29', '23:59', '2026-03-29T21:59:00.000Z'],
		// fall back (03:00 -> 02:00 on 25 October 2026): 02:00-02:59 happens twice, the first counts
		['2026-10-25', '00:00', '2026-10-24T22:00:00.000Z'],
		['2026-10-25', '01:59', '2026-10-24T23:59:00.000Z'],
		['2026-10-25', '02:00', '2026-10-25T00:00:00.000Z'],
		['2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'],
		['2026-10-25', '02:59', '2026-10-25T00:59:00.000Z'],
		['2026-10-25', '03:00', '2026-10-25T02:00:00.000Z'],
		['2026-10-25', '23:59', '2026-10-25T22:59:00.000Z'],
		// the next year's changes (28 March and 31 October 2027)
		['2027-03-28', '02:30', '2027-03-28T01:30:00.000Z'],
		['2027-10-31', '02:30', '2027-10-31T00:30:00.000Z'],
		// year boundaries
		['2026-12-31', '23:59', '2026-12-31T22:59:00.000Z'],
		['2027-01-01', '00:00', '2026-12-31T23:00:00.000Z'],
		['2028-02-29', '12:00', '2028-02-29T11:00:00.000Z']
	])('%s %s Berlin is %s', (date, time, instant) => {
		expect(iso(berlinInstant(date, time))).toBe(instant);
	});

	it.each([
		// instant, Berlin date, time, offset in hours
		['2026-03-29T00:59:59.000Z', '2026-03-29', '01:59', 1],
		['2026-03-29T01:00:00.000Z', '2026-03-29', '03:00', 2],
		['2026-10-25T00:30:00.000Z', '2026-10-25', '02:30', 2], // the first 02:30
		['2026-10-25T00:59:59.000Z', '2026-10-25', '02:59', 2],
		['2026-10-25T01:00:00.000Z', '2026-10-25', '02:00', 1], // the second 02:00
		['2026-10-25T01:30:00.000Z', '2026-10-25', '02:30', 1], // the second 02:30
		['2026-12-31T22:59:00.000Z', '2026-12-31', '23:59', 1],
		['2026-12-31T23:00:00.000Z', '2027-01-01', '00:00', 1],
		['2026-06-30T21:59:00.000Z', '2026-06-30', '23:59', 2],
		['2026-06-30T22:00:00.000Z', '2026-07-01', '00:00', 2]
	])('%s is %s %s in Berlin (UTC+%i)', (instant, date, time, hours) => {
		const t = Date.parse(instant);
		expect(berlinDate(t)).toBe(date);
		expect(berlinDate(new Date(t))).toBe(date);
		expect(berlinTime(t)).toBe(time);
		expect(berlinOffset(t)).toBe(hours * 3_600_000);
	});

	it('round-trips every quarter hour of both change days', () => {
		for (const date of ['2026-03-29', '2026-10-25']) {
			for (let m = 0; m < 24 * 60; m += 15) {
				const time = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
				const instant = berlinInstant(date, time);
				expect(berlinDate(instant)).toBe(date);
				// Only the hour that does not exist comes back an hour later.
				const skipped = date === '2026-03-29' && time.startsWith('02:');
				expect(berlinTime(instant)).toBe(skipped ? `03:${time.slice(3)}` : time);
			}
		}
	});

	it('counts months in Berlin time, December into January', () => {
		expect(berlinMonth(Date.parse('2026-12-31T22:59:00Z'))).toBe('2026-12');
		expect(berlinMonth(Date.parse('2026-12-31T23:00:00Z'))).toBe('2027-01');
		const december = berlinMonthRange('2026-12');
		expect([iso(december.from), iso(december.to)]).toEqual([
			'2026-11-30T23:00:00.000Z',
			'2026-12-31T23:00:00.000Z'
		]);
		const march = berlinMonthRange('2026-03');
		expect([iso(march.from), iso(march.to)]).toEqual([
			'2026-02-28T23:00:00.000Z',
			'2026-03-31T22:00:00.000Z'
		]);
	});

	it.each([
		['2026-11', 1, '2026-12'],
		['2026-12', 1, '2027-01'],
		['2027-01', -1, '2026-12'],
		['2026-03', 12, '2027-03'],
		['2026-03', -15, '2024-12']
	])('addMonths(%s, %i) = %s', (month, n, result) => {
		expect(addMonths(month, n)).toBe(result);
	});

	it('refuses what is not a date or a time', () => {
		expect(() => berlinInstant('29.03.2026', '02:30')).toThrow(RangeError);
		expect(() => berlinInstant('2026-03-29', '2:30')).toThrow(RangeError);
		expect(() => berlinDayEnd('2026-02-29')).toThrow(RangeError);
	});
});
