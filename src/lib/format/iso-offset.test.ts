import { describe, expect, it } from 'vitest';
import { isoBerlin } from './iso-offset';

describe('isoBerlin', () => {
	it.each([
		['2026-07-01T07:00:00Z', '2026-07-01T09:00:00+02:00'],
		['2026-01-15T08:00:00Z', '2026-01-15T09:00:00+01:00'],
		['2026-07-01T13:30:00Z', '2026-07-01T15:30:00+02:00'],
		// DST starts 2026-03-29 at 02:00 (→ 03:00), ends 2026-10-25 at 03:00 (→ 02:00).
		['2026-03-29T00:59:59Z', '2026-03-29T01:59:59+01:00'],
		['2026-03-29T01:00:00Z', '2026-03-29T03:00:00+02:00'],
		['2026-10-25T00:30:00Z', '2026-10-25T02:30:00+02:00'],
		['2026-10-25T01:30:00Z', '2026-10-25T02:30:00+01:00'],
		['2026-12-31T23:00:00Z', '2027-01-01T00:00:00+01:00']
	])('%s -> %s', (utc, expected) => {
		const ms = Date.parse(utc);
		expect(isoBerlin(ms)).toBe(expected);
		// The string names the same instant.
		expect(Date.parse(expected)).toBe(ms);
	});
});
