import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { generateStatisticsData } from '../../../../tests/support/stats-fixtures';
import { testServices } from '../../../../tests/support/test-database';
import { addMonths, berlinMonthRange } from '../../time/berlin';
import { DAY, HOUR } from '../../time/durations';
import type { Db } from '../db/transaction';
import { num } from '../db/count-value';
import { caseFigures, DEFAULT_STALLED_DAYS, rebuildCaseAggregates } from './case-figures';
import { type Period, periodInstants, yearPeriod } from './period-rules';
import type { Figures, PartFilter } from './queries';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

// Issue 14: the case figures come from monthly counts kept by triggers on case_file, and stalled
// from the open cases with a recent contact. They must equal the figures counted from case_file
// directly (the query the dashboard used before, kept here as the reference) for every scope and
// period, at any now; and the counts kept by the triggers through every kind of change must equal
// a recount from case_file. Month boundaries in Berlin time (DST months too) get cases of their own.

let s = servicesClosedAfterEach();

/** The reference: cases opened in the period by status now and closures, straight from case_file. */
async function directCaseFigures(
	db: Db,
	q: PartFilter,
	now: number
): Promise<Omit<Figures['cases'], 'cancelReasons'>> {
	let opened = db
		.selectFrom('case_file as c')
		.leftJoin('office_case_setting as s', 's.office_id', 'c.office_id')
		.where('c.opened_at', '>=', q.start)
		.where('c.opened_at', '<', q.end)
		.where((eb) => eb.or([eb('c.close_reason', 'is', null), eb('c.close_reason', '!=', 'no_talk')]));
	if (q.officeIds) opened = opened.where('c.office_id', 'in', q.officeIds);
	if (q.land) opened = opened.where('c.land_iso', '=', q.land);
	let closedQ = db
		.selectFrom('case_file as c')
		.where('c.closed_at', '>=', q.start)
		.where('c.closed_at', '<', q.end)
		.where('c.status', '=', 'closed');
	if (q.officeIds) closedQ = closedQ.where('c.office_id', 'in', q.officeIds);
	if (q.land) closedQ = closedQ.where('c.land_iso', '=', q.land);
	const caseRows = await opened
		.select([
			'c.status',
			sql<number>`count(*)`.as('n'),
			sql<number>`sum(case when c.status = 'open' and coalesce(c.last_contact_at, c.opened_at) + coalesce(s.stalled_days, ${DEFAULT_STALLED_DAYS}) * cast(${DAY} as bigint) < cast(${now} as bigint) then 1 else 0 end)`.as(
				'stalled'
			)
		])
		.groupBy('c.status')
		.execute();
	const closeRows = await closedQ
		.select([sql<string>`coalesce(c.close_reason, 'other')`.as('reason'), sql<number>`count(*)`.as('n')])
		.groupBy(sql`coalesce(c.close_reason, 'other')`)
		.execute();
	const statusN = (st: string) => num(caseRows.find((r) => r.status === st)?.n);
	const closeReasons = closeRows
		.map((r) => ({ key: r.reason, n: num(r.n) }))
		.sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
	return {
		opened: caseRows.reduce((a, r) => a + num(r.n), 0),
		open: statusN('open'),
		paused: statusN('paused'),
		closed: statusN('closed'),
		stalled: caseRows.reduce((a, r) => a + num(r.stalled), 0),
		closedInPeriod: closeReasons.reduce((a, r) => a + r.n, 0),
		closeReasons
	};
}

async function counts(db: Db) {
	const rows = await db
		.selectFrom('stat_case_month')
		.selectAll()
		.where('n', '!=', 0)
		.orderBy('dim')
		.orderBy('month')
		.orderBy('office_id')
		.orderBy('land_iso')
		.orderBy('key')
		.execute();
	return rows.map((r) => ({ ...r, office_id: num(r.office_id), n: num(r.n) }));
}

type CaseRow = { officeId: number; land: string | null; status: 'open' | 'paused' | 'closed' } & Partial<{
	openedAt: number;
	lastContactAt: number | null;
	closedAt: number | null;
	closeReason: string | null;
}>;

/** A case file of a new creative (one case per creative and office). */
async function addCase(db: Db, row: CaseRow & { openedAt: number }): Promise<number> {
	const t = row.openedAt;
	const n = num(
		(await db.selectFrom('creative').select(sql<number>`count(*)`.as('n')).executeTakeFirst())?.n
	);
	const cr = await db
		.insertInto('creative')
		.values({ email: `edge-${n}@example.org`, email_verified_at: t, created_at: t, updated_at: t })
		.returning('id')
		.executeTakeFirstOrThrow();
	const consultant = await db
		.selectFrom('staff_membership')
		.select('user_id')
		.where('office_id', '=', row.officeId)
		.executeTakeFirstOrThrow();
	const cf = await db
		.insertInto('case_file')
		.values({
			office_id: row.officeId,
			creative_id: cr.id,
			consultant_id: consultant.user_id,
			name: 'Rand',
			status: row.status,
			land_iso: row.land,
			opened_at: row.openedAt,
			last_contact_at: row.lastContactAt ?? null,
			closed_at: row.closedAt ?? null,
			close_reason: (row.closeReason ?? null) as never,
			created_at: t,
			updated_at: t
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(cf.id);
}

/** Cases opened and closed a millisecond either side of Berlin month starts, DST months included. */
async function addBoundaryCases(db: Db, officeIds: number[], land: string): Promise<number[]> {
	const ids: number[] = [];
	const months = ['2025-01', '2025-03', '2025-04', '2025-07', '2025-10', '2025-11', '2026-01', '2026-04'];
	let i = 0;
	for (const m of months) {
		const { from } = berlinMonthRange(m);
		for (const at of [from - 1, from]) {
			const officeId = officeIds[i++ % officeIds.length]!;
			ids.push(await addCase(db, { officeId, land, status: 'open', openedAt: at, lastContactAt: null }));
			ids.push(
				await addCase(db, {
					officeId,
					land: i % 3 === 0 ? null : land,
					status: 'closed',
					openedAt: at - 40 * DAY,
					closedAt: at,
					closeReason: i % 2 === 0 ? null : 'no_talk'
				})
			);
		}
	}
	return ids;
}

function periods(): Period[] {
	const of = (from: string, to: string): Period => ({ kind: 'custom', from, to, params: {} });
	return [
		yearPeriod(2024),
		yearPeriod(2025),
		yearPeriod(2026),
		of('2025-04', '2025-06'),
		of('2025-10', '2025-10'),
		of('2025-03', '2025-03'),
		of('2024-12', '2026-02'),
		of('2026-01', '2026-01')
	];
}

describe('case figures from monthly counts (issue 14)', () => {
	it('equal the direct count for every scope and period, at any now', async () => {
		s = await testServices({ now: '2026-03-01T10:00:00Z' });
		const g = await generateStatisticsData(s, { creatives: 80, seed: 3 });
		const lands = [...new Set(g.cases.map((c) => c.land))];
		await addBoundaryCases(s.db, g.officeIds, lands[0]!);
		// One office looks further back for stalled cases, one closer.
		await s.db
			.insertInto('office_case_setting')
			.values([
				{ office_id: g.officeIds[0]!, stalled_days: 150, updated_at: 0 },
				{ office_id: g.officeIds[1]!, stalled_days: 20, updated_at: 0 }
			])
			.execute();
		const scopes: Pick<PartFilter, 'officeIds' | 'land'>[] = [
			{ officeIds: null, land: null },
			{ officeIds: g.officeIds.slice(0, 2), land: null },
			...g.officeIds.map((id) => ({ officeIds: [id], land: null })),
			...lands.map((land) => ({ officeIds: null, land })),
			...g.officeIds.flatMap((id) => lands.map((land) => ({ officeIds: [id], land })))
		];
		const nows = [
			Date.UTC(2025, 2, 1),
			Date.UTC(2025, 8, 20, 13),
			s.clock.now().getTime(),
			Date.UTC(2027, 0, 1)
		];
		let stalledSeen = 0;
		let recentSeen = 0;
		for (const period of periods())
			for (const f of scopes)
				for (const now of nows) {
					const q: PartFilter = { from: period.from, to: period.to, ...periodInstants(period), ...f };
					const direct = await directCaseFigures(s.db, q, now);
					const { cancelReasons: _, ...kept } = await caseFigures(s.db, q, now);
					expect(kept, `${period.from}–${period.to} ${JSON.stringify(f)} now ${now}`).toEqual(direct);
					stalledSeen += direct.stalled;
					recentSeen += direct.open - direct.stalled;
				}
		// The data exercise both sides of the stalled line.
		expect(stalledSeen).toBeGreaterThan(20);
		expect(recentSeen).toBeGreaterThan(20);
		// ~800 pairs of queries: PostgreSQL on a busy machine needs more than the default.
	}, 120_000);

	it('are kept by every change of a case exactly as a recount from case_file', async () => {
		s = await testServices({ now: '2026-03-01T10:00:00Z' });
		const g = await generateStatisticsData(s, { creatives: 40, seed: 9 });
		const land = g.cases[0]!.land;
		const edges = await addBoundaryCases(s.db, g.officeIds, land);
		const before = await counts(s.db);
		expect(before.length).toBeGreaterThan(20);
		const ids = g.cases.map((c) => c.id);
		const open = g.cases.filter((c) => c.status === 'open').map((c) => c.id);
		const closed = g.cases.filter((c) => c.status === 'closed').map((c) => c.id);
		const db = s.db;
		// Closing, closing as no_talk, reopening (the reason stays), pausing, a move to another
		// office and Land or none, an opening moved across a month start, and deletion (a merge).
		await db
			.updateTable('case_file')
			.set({ status: 'closed', closed_at: Date.UTC(2026, 1, 27, 23), close_reason: 'business_founded' })
			.where('id', 'in', open.slice(0, 3))
			.execute();
		await db
			.updateTable('case_file')
			.set({ status: 'closed', closed_at: Date.UTC(2026, 1, 2), close_reason: 'no_talk' })
			.where('id', 'in', open.slice(3, 5))
			.execute();
		await db.updateTable('case_file').set({ status: 'open' }).where('id', 'in', closed.slice(0, 3)).execute();
		await db.updateTable('case_file').set({ status: 'paused' }).where('id', '=', open[5]!).execute();
		await db
			.updateTable('case_file')
			.set({ office_id: g.officeIds[2]!, land_iso: null })
			.where('id', '=', ids[7]!)
			.execute();
		await db
			.updateTable('case_file')
			.set({ opened_at: berlinMonthRange('2025-06').from - HOUR })
			.where('id', '=', ids[8]!)
			.execute();
		// A change that touches no counted column leaves the counts alone.
		await db
			.updateTable('case_file')
			.set({ last_contact_at: Date.UTC(2026, 1, 1), name: 'Neu' })
			.where('id', 'in', ids)
			.execute();
		await db.deleteFrom('case_file').where('id', 'in', edges.slice(0, 6)).execute();
		const kept = await counts(db);
		expect(kept).not.toEqual(before);
		await rebuildCaseAggregates(db);
		expect(await counts(db)).toEqual(kept);
	});

	it('look months up in a table of Berlin month starts equal to lib/time/berlin', async () => {
		s = await testServices();
		const rows = await s.db.selectFrom('stat_month').selectAll().orderBy('month').execute();
		const expected: { month: string; starts_at: number }[] = [];
		for (let m = '2000-01'; m <= '2101-01'; m = addMonths(m, 1))
			expected.push({ month: m, starts_at: berlinMonthRange(m).from });
		expect(rows.map((r) => ({ month: r.month, starts_at: num(r.starts_at) }))).toEqual(expected);
	});
});
