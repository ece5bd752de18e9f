import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from './datetime';

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
