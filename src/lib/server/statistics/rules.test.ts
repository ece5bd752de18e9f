import { describe, expect, it } from 'vitest';
import { berlinDate } from '../../time/berlin';
import { type BookingStatus, bookingCounts, consultationFact, dayKeys } from './consultation-rules';
import { parsePeriod, periodInstants } from './period-rules';
import { SUPPRESSED as S, suppressOne, suppressTable } from './suppression-rules';

describe('what counts as a consultation', () => {
	const cases: [BookingStatus, boolean, boolean][] = [
		// status, has record, counts
		['attended', false, true],
		['attended', true, true],
		['confirmed', true, true],
		['confirmed', false, false],
		['no_show', true, false],
		['no_show', false, false],
		['cancelled', true, false],
		['expired', false, false],
		['held', false, false]
	];
	it.each(cases)('booking %s, record %s → %s', (status, hasRecord, counts) => {
		expect(bookingCounts(status, hasRecord)).toBe(counts);
		const fact = consultationFact({
			booking: {
				id: 1,
				officeId: 2,
				status,
				startAt: Date.UTC(2025, 2, 30, 22, 30), // 31 March, 00:30 in Berlin (summer time)
				format: 'video',
				kind: 'first',
				land: 'NW',
				submarket: 'musik',
				stage: 'idee',
				topics: ['b']
			},
			record: hasRecord ? { id: 9, heldAt: 0, format: 'phone', kind: 'follow_up', topics: ['a', 'a'] } : null,
			caseFile: null
		});
		expect(fact !== null).toBe(counts);
		if (fact) {
			expect(fact).toMatchObject({
				source: 'booking',
				sourceId: 1,
				day: '2025-03-31',
				month: '2025-03',
				format: 'video'
			});
			expect(fact.topics).toEqual(hasRecord ? ['a'] : ['b']);
		}
	});

	it('a record without a booking counts, with the case file for office, Land and sub-market', () => {
		const fact = consultationFact({
			booking: null,
			record: {
				id: 5,
				heldAt: Date.UTC(2025, 11, 31, 23, 30),
				format: 'phone',
				kind: 'follow_up',
				topics: []
			},
			caseFile: { officeId: 3, land: null, submarket: 'film', stage: null }
		});
		expect(fact).toMatchObject({
			source: 'record',
			sourceId: 5,
			officeId: 3,
			day: '2026-01-01',
			month: '2026-01',
			land: '',
			submarket: 'film',
			stage: '',
			kind: 'follow_up'
		});
	});

	it.each([
		[Date.UTC(2025, 9, 25, 22, 0), '2025-10-26'],
		[Date.UTC(2025, 9, 26, 22, 59), '2025-10-26'],
		[Date.UTC(2025, 9, 26, 23, 0), '2025-10-27'],
		[Date.UTC(2025, 0, 1, 0, 0), '2025-01-01']
	])('Berlin day of %d is %s', (ms, day) => {
		expect(berlinDate(ms)).toBe(day);
	});

	it('numbers days', () => {
		expect(dayKeys('1970-01-02').dayNo).toBe(1);
		expect(dayKeys('2025-03-01').dayNo - dayKeys('2025-02-28').dayNo).toBe(1);
	});
});

describe('periods', () => {
	const today = '2026-06-15';
	it.each([
		['', '2026-01', '2026-12', 'year'],
		['zeitraum=jahr&jahr=2025', '2025-01', '2025-12', 'year'],
		['zeitraum=quartal&jahr=2025&quartal=2', '2025-04', '2025-06', 'quarter'],
		['zeitraum=quartal&jahr=2025&quartal=9', '2025-04', '2025-06', 'quarter'],
		['zeitraum=monat&monat=2025-02', '2025-02', '2025-02', 'month'],
		['zeitraum=monat&monat=2025-13', '2026-06', '2026-06', 'month'],
		['zeitraum=frei&von=2024-11&bis=2025-02', '2024-11', '2025-02', 'custom'],
		['zeitraum=frei&von=2025-03&bis=2025-01', '2026-01', '2026-12', 'year'],
		['zeitraum=jahr&jahr=abc', '2026-01', '2026-12', 'year']
	])('%s → %s…%s', (query, from, to, kind) => {
		const p = parsePeriod(new URLSearchParams(query), today);
		expect([p.from, p.to, p.kind]).toEqual([from, to, kind]);
	});

	it('turns months into Berlin instants', () => {
		const { start, end } = periodInstants({ from: '2025-01', to: '2025-12' });
		expect(start).toBe(Date.UTC(2024, 11, 31, 23));
		expect(end).toBe(Date.UTC(2025, 11, 31, 23));
	});
});

describe('suppression', () => {
	it.each([
		[0, S],
		[4, S],
		[5, 5],
		[12, 12]
	])('%d alone → %s', (n, shown) => {
		expect(suppressOne(n)).toBe(shown);
	});

	it('hides a median resting on fewer than 5 people', () => {
		expect(suppressOne(17, 4)).toBe(S);
		expect(suppressOne(17, 5)).toBe(17);
	});

	const oneWay: [string, number[], (number | string)[], number | string][] = [
		['nothing small', [10, 20, 30], [10, 20, 30], 60],
		['one small: the next smallest goes too', [3, 20, 30], [S, S, 30], 53],
		['two small: enough already', [3, 4, 30], [S, S, 30], 37],
		['zero is small', [0, 7, 9], [S, S, 9], 16],
		['all small: the total too', [1, 2], [S, S], S],
		['one row only', [3], [S], S]
	];
	it.each(oneWay)('column with total: %s', (_name, cells, shown, total) => {
		const t = suppressTable({ cells: cells.map((n) => [n]), rowTotals: false, colTotals: true });
		expect(t.cells.map((r) => r[0])).toEqual(shown);
		expect(t.colTotals![0]).toBe(total);
	});

	it('two-way: every line with a hidden cell hides at least two values', () => {
		const t = suppressTable({
			cells: [
				[2, 10, 12],
				[8, 9, 20],
				[15, 30, 40]
			],
			rowTotals: true,
			colTotals: true
		});
		expect(t.cells).toEqual([
			[S, S, 12],
			[S, S, 20],
			[15, 30, 40]
		]);
		expect(t.rowTotals).toEqual([24, 37, 85]);
		expect(t.colTotals).toEqual([25, 49, 72]);
		expect(t.grandTotal).toBe(146);
		expect(t.hidden).toEqual({ primary: 1, secondary: 3 });
		// No line holds exactly one hidden value.
		const lines = [...t.cells.map((r, i) => [...r, t.rowTotals![i]!])];
		for (let j = 0; j < 3; j++) lines.push([...t.cells.map((r) => r[j]!), t.colTotals![j]!]);
		for (const line of lines) expect(line.filter((v) => v === S).length).not.toBe(1);
	});

	it('a small row total is hidden and protected in the totals line', () => {
		const t = suppressTable({
			cells: [
				[1, 2],
				[10, 20],
				[30, 40]
			],
			rowTotals: true,
			colTotals: true
		});
		expect(t.rowTotals![0]).toBe(S);
		// The totals column (3, 30, 70 → 103) must not reveal the hidden 3: another total goes.
		expect(t.rowTotals!.filter((v) => v === S).length).toBeGreaterThanOrEqual(2);
	});
});
