import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { transact } from '../db/transaction';
import { syncBookingFact, syncRecordFact } from './facts';
import { rebuildPeopleAggregates } from './people-aggregates';
import { periodInstants, yearPeriod } from './period-rules';
import { type PartFilter, peopleFigures, peopleFiguresFromFacts } from './queries';
import { generateStatisticsData } from '../../../../tests/support/stats-fixtures';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

// Issue 14: the people figures of a whole year come from pre-aggregated rows kept with the facts.
// They must give the same numbers as grouping the year's facts by person, in every scope, and
// the rows kept by each fact change must equal the rows rebuilt from all facts.

let s = servicesClosedAfterEach();

async function snapshot(svc: TestServices) {
	const persons = await svc.db
		.selectFrom('stat_person_year')
		.selectAll()
		.orderBy('year')
		.orderBy('scope')
		.orderBy('person')
		.execute();
	const buckets = await svc.db
		.selectFrom('stat_people_year')
		.selectAll()
		.where('n', '!=', 0)
		.orderBy('year')
		.orderBy('scope')
		.orderBy('gap')
		.orderBy('multi')
		.orderBy('has_first')
		.execute();
	const norm = (rows: Record<string, unknown>[]) =>
		rows.map((r) =>
			Object.fromEntries(
				Object.entries(r).map(([k, v]) => [
					k,
					typeof v === 'bigint' || (typeof v === 'string' && /^\d+$/.test(v) && k !== 'year') ? Number(v) : v
				])
			)
		);
	return { persons: norm(persons), buckets: norm(buckets) };
}

async function syncAll(svc: TestServices, now: number) {
	const bookings = await svc.db
		.selectFrom('booking')
		.select('id')
		.where('status', 'in', ['attended', 'confirmed', 'no_show'])
		.orderBy('id')
		.execute();
	const records = await svc.db
		.selectFrom('consultation_record')
		.select('id')
		.where('booking_id', 'is', null)
		.orderBy('id')
		.execute();
	await transact(svc.db, async (trx) => {
		for (const b of bookings) await syncBookingFact(trx, Number(b.id), now);
		for (const r of records) await syncRecordFact(trx, Number(r.id), now);
	});
}

describe('people per year, pre-aggregated (issue 14)', () => {
	it('are kept with every fact change exactly as a rebuild from the facts computes them', async () => {
		s = await testServices({ now: '2026-03-01T10:00:00Z' });
		await generateStatisticsData(s, { creatives: 70, seed: 11 });
		const now = s.clock.now().getTime();
		await syncAll(s, now);
		const kept = await snapshot(s);
		expect(kept.persons.length).toBeGreaterThan(100);
		// Removing facts: some attended bookings turn out to be no-shows.
		const attended = await s.db
			.selectFrom('booking')
			.select('id')
			.where('status', '=', 'attended')
			.orderBy('id')
			.limit(12)
			.execute();
		await s.db
			.updateTable('booking')
			.set({ status: 'no_show' })
			.where(
				'id',
				'in',
				attended.map((b) => b.id)
			)
			.execute();
		await transact(s.db, async (trx) => {
			for (const b of attended) expect(await syncBookingFact(trx, Number(b.id), now)).toBe('removed');
		});
		const afterRemoval = await snapshot(s);
		expect(afterRemoval).not.toEqual(kept);
		await rebuildPeopleAggregates(s.db);
		expect(await snapshot(s)).toEqual(afterRemoval);
	});

	it('give the same figures as grouping the facts by person, for the network, offices, Länder and both', async () => {
		s = await testServices({ now: '2026-03-01T10:00:00Z' });
		const g = await generateStatisticsData(s, { creatives: 90, seed: 5 });
		await syncAll(s, s.clock.now().getTime());
		const lands = [...new Set(g.cases.map((c) => c.land))];
		let nonEmpty = 0;
		for (const year of [2024, 2025, 2026]) {
			const period = yearPeriod(year);
			const base = { from: period.from, to: period.to, ...periodInstants(period) };
			const filters: Pick<PartFilter, 'officeIds' | 'land'>[] = [
				{ officeIds: null, land: null },
				...g.officeIds.map((id) => ({ officeIds: [id], land: null })),
				...lands.map((land) => ({ officeIds: null, land })),
				...g.officeIds.flatMap((id) => lands.map((land) => ({ officeIds: [id], land })))
			];
			for (const f of filters) {
				const q: PartFilter = { ...base, ...f };
				const fromFacts = await peopleFiguresFromFacts(s.db, q);
				expect(await peopleFigures(s.db, q), `${year} ${JSON.stringify(f)}`).toEqual(fromFacts);
				if (fromFacts.distinct > 0) nonEmpty++;
			}
		}
		expect(nonEmpty).toBeGreaterThan(10);
	});
});
