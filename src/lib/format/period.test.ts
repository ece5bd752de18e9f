import { describe, expect, it } from 'vitest';
import { formatHours, formatMinutes, formatPeriodDays } from './period';

describe('formatPeriodDays', () => {
	it.each([
		[1, 'de', '1 Tag'],
		[30, 'de', '30 Tage'],
		[90, 'de', '90 Tage'],
		[182, 'de', '6 Monate'],
		[365, 'de', '12 Monate'],
		[730, 'de', '24 Monate'],
		[1095, 'de', '36 Monate'],
		[100, 'de', '100 Tage'],
		[59, 'de', '59 Tage'],
		[61, 'de', '2 Monate'],
		[1, 'en', '1 day'],
		[90, 'en', '90 days'],
		[365, 'en', '12 months'],
		[182, 'en', '6 months']
	] as const)('%i days in %s: %s', (days, lang, expected) => {
		expect(formatPeriodDays(days, lang)).toBe(expected);
	});

	it('formats session lifetimes', () => {
		expect(formatMinutes(30, 'de')).toBe('30 Minuten');
		expect(formatHours(10, 'de')).toBe('10 Stunden');
		expect(formatHours(1, 'en')).toBe('1 hour');
	});
});
