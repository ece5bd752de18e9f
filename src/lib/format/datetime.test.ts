import { describe, expect, it } from 'vitest';
import { berlinDayEnd, berlinDayStart, formatDate, formatDateTime, formatTime, isIsoDay } from './datetime';

describe('formatting in Europe/Berlin', () => {
	it.each([
		// winter (UTC+1), summer (UTC+2), the DST days, an afternoon slot
		['2026-01-15T08:00:00Z', 'de', '15.01.2026, 09:00'],
		['2026-06-15T08:00:00Z', 'de', '15.06.2026, 10:00'],
		['2026-03-29T00:30:00Z', 'de', '29.03.2026, 01:30'],
		['2026-03-29T01:30:00Z', 'de', '29.03.2026, 03:30'],
		['2026-10-25T00:30:00Z', 'de', '25.10.2026, 02:30'],
		['2026-10-25T01:30:00Z', 'de', '25.10.2026, 02:30'],
		['2026-06-15T13:30:00Z', 'de', '15.06.2026, 15:30'],
		['2026-06-15T13:30:00Z', 'en', '15/06/2026, 15:30'],
		['2026-12-31T23:30:00Z', 'de', '01.01.2027, 00:30']
	] as const)('%s (%s) -> %s', (iso, lang, expected) => {
		expect(formatDateTime(new Date(iso), lang)).toBe(expected);
		expect(formatDateTime(Date.parse(iso), lang)).toBe(expected);
	});

	it('formats date and time alone', () => {
		const t = Date.parse('2026-06-15T22:05:00Z');
		expect(formatDate(t, 'de')).toBe('16.06.2026');
		expect(formatTime(t, 'de')).toBe('00:05');
		expect(formatTime(t, 'en')).toBe('00:05');
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
