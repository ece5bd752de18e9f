import { describe, expect, it } from 'vitest';
import { berlinDate } from '../../time/berlin';
import { landConflicts, type OfficeCoverage, officeInService, periodsOverlap } from './rules';

const office = (id: number, laender: string[], extra: Partial<OfficeCoverage> = {}): OfficeCoverage => ({
	id,
	name: `Büro ${id}`,
	active: true,
	validFrom: null,
	validTo: null,
	laender,
	...extra
});

describe('periodsOverlap', () => {
	it.each([
		[null, null, null, null, true],
		['2026-01-01', null, null, '2025-12-31', false],
		[null, '2026-12-31', '2027-01-01', null, false],
		[null, '2026-12-31', '2026-12-31', null, true],
		['2026-01-01', '2026-06-30', '2026-03-01', '2026-03-31', true],
		['2026-01-01', '2026-06-30', '2026-07-01', '2026-12-31', false]
	])('[%s, %s] and [%s, %s] -> %s', (af, at, bf, bt, expected) => {
		expect(periodsOverlap({ validFrom: af, validTo: at }, { validFrom: bf, validTo: bt })).toBe(expected);
		expect(periodsOverlap({ validFrom: bf, validTo: bt }, { validFrom: af, validTo: at })).toBe(expected);
	});
});

describe('landConflicts: at most one active office per Land at a time', () => {
	const existing = [
		office(1, ['DE-HH', 'DE-SH']),
		office(2, ['DE-BY']),
		office(3, ['DE-BW'], { active: false })
	];
	it.each<[string, OfficeCoverage, string[]]>([
		['a Land another active office covers', office(9, ['DE-SH']), ['DE-SH']],
		['several', office(9, ['DE-BY', 'DE-HH', 'DE-NW']), ['DE-BY', 'DE-HH']],
		['the office itself is no conflict', office(1, ['DE-HH', 'DE-SH', 'DE-MV']), []],
		['a new office (no id yet)', { ...office(0, ['DE-HH']), id: null }, ['DE-HH']],
		['an inactive office covers it: fine', office(9, ['DE-BW']), []],
		['the candidate is inactive: fine', office(9, ['DE-HH'], { active: false }), []],
		['a free Land', office(9, ['DE-NW']), []]
	])('%s', (_name, candidate, lands) => {
		expect(landConflicts(candidate, existing).map((c) => c.land)).toEqual(lands);
	});

	it('allows a planned handover with periods that do not overlap', () => {
		const old = office(1, ['DE-BE'], { validTo: '2026-12-31' });
		expect(landConflicts(office(2, ['DE-BE'], { validFrom: '2027-01-01' }), [old])).toEqual([]);
		expect(landConflicts(office(2, ['DE-BE'], { validFrom: '2026-12-31' }), [old])).toEqual([
			{ land: 'DE-BE', officeId: 1, officeName: 'Büro 1' }
		]);
	});
});

describe('officeInService', () => {
	it.each([
		[true, null, null, true],
		[false, null, null, false],
		[true, '2026-06-16', null, false],
		[true, '2026-06-15', null, true],
		[true, null, '2026-06-15', true],
		[true, null, '2026-06-14', false]
	])('active=%s from=%s to=%s on 2026-06-15 -> %s', (active, validFrom, validTo, expected) => {
		expect(officeInService({ active, validFrom, validTo }, '2026-06-15')).toBe(expected);
	});
});

describe('berlinDate', () => {
	it('uses the Berlin calendar day, whatever the process time zone', () => {
		expect(berlinDate(new Date('2026-06-14T22:30:00Z'))).toBe('2026-06-15');
		expect(berlinDate(new Date('2026-01-14T22:30:00Z'))).toBe('2026-01-14');
		expect(berlinDate(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29');
	});
});
