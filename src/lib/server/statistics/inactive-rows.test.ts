import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import { mintScope } from '../access/scope';
import { parsePeriod } from './period-rules';
import { statisticsFigures } from './queries';
import { buildTables, type Labels } from './tables';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/** Issue 16: a switched-off sub-market appears in charts only while it has figures. */
let s = servicesClosedAfterEach();

const labels: Labels = {
	submarkets: [
		{ key: 'design', name: 'Designwirtschaft', active: true },
		{ key: 'alt', name: 'Alter Teilmarkt', active: false }
	],
	topics: [],
	stages: [],
	laender: [],
	offices: []
};

describe('inactive reference rows in statistics tables', () => {
	it.each([
		{ alt: 0, shown: false },
		{ alt: 7, shown: true }
	])('inactive sub-market with $alt consultations → shown: $shown', async ({ alt, shown }) => {
		s = await testServices();
		const june = {
			period: parsePeriod(new URLSearchParams('zeitraum=monat&monat=2026-06'), '2026-06-16'),
			officeId: null,
			land: null
		};
		const empty = (await statisticsFigures(s.db, mintScope(false, []), june, s.clock.now().getTime()))!;
		const figures = {
			...empty,
			consultations: {
				...empty.consultations,
				bySubmarket: [{ key: 'design', n: 9 }, ...(alt ? [{ key: 'alt', n: alt }] : [])]
			}
		};
		const table = buildTables(figures, labels, { locale: 'de', suppress: false, byOffice: false }).find(
			(x) => x.id === 'teilmarkt'
		)!;
		expect(table.rows.map((r) => r.key)).toEqual(shown ? ['design', 'alt', 'total'] : ['design', 'total']);
	});
});
