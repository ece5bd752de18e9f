import { sql } from 'kysely';
import { DAY } from '../../time/durations';
import type { Db, Tx } from '../db/transaction';
import { num } from '../db/count-value';
import type { Figures, PartFilter } from './queries';

/**
 * Issue 14: the dashboard's case figures at national scale.
 *
 * Cases opened in the period by their status now, and closures by reason, come from
 * `stat_case_month` (migration 2026-12-06-02): per Berlin month, office, Land and status or
 * reason, kept by triggers on case_file in the same transaction as every change, so the sums
 * equal the counts over case_file for any period of whole months (every period is one).
 *
 * "Stalled" (open, last contact — or the opening — older than the office's `stalled_days`) moves
 * with the clock, so it is never stored: stalled = open cases opened in the period − those of them
 * contacted within their office's window. The second count is a range scan of
 * `case_file_open_contact_idx` from the widest window on, bounded by the recently active cases
 * however many cases earlier years left open.
 */
type Reader = Db | Tx;

export const DEFAULT_STALLED_DAYS = 60;

const byCount = (a: { key: string; n: number }, b: { key: string; n: number }) =>
	b.n - a.n || a.key.localeCompare(b.key);

/** Cases opened (by status now) and closed (by reason) in the period, from the monthly counts. */
async function monthlyCaseCounts(db: Reader, q: PartFilter) {
	let months = db
		.selectFrom('stat_case_month')
		.select(['dim', 'key', sql<number>`sum(n)`.as('n')])
		.where('month', '>=', q.from)
		.where('month', '<=', q.to);
	if (q.officeIds) months = months.where('office_id', 'in', q.officeIds);
	if (q.land) months = months.where('land_iso', '=', q.land);
	const rows = await months.groupBy(['dim', 'key']).execute();
	return rows.map((r) => ({ dim: r.dim, key: r.key, n: num(r.n) })).filter((r) => r.n > 0);
}

/** Open cases opened in the period whose last contact lies within their office's stalled window. */
async function openWithRecentContact(db: Reader, q: PartFilter, now: number): Promise<number> {
	const widest = await db
		.selectFrom('office_case_setting')
		.select(sql<number | null>`max(stalled_days)`.as('days'))
		.executeTakeFirst();
	const days = Math.max(DEFAULT_STALLED_DAYS, num(widest?.days));
	const lastContact = sql<number>`coalesce(c.last_contact_at, c.opened_at)`;
	let recent = db
		.selectFrom('case_file as c')
		.leftJoin('office_case_setting as s', 's.office_id', 'c.office_id')
		.select(sql<number>`count(*)`.as('n'))
		.where('c.status', '=', 'open')
		// The range the index serves: no office's window reaches further back.
		.where(lastContact, '>=', now - days * DAY)
		.where('c.opened_at', '>=', q.start)
		.where('c.opened_at', '<', q.end)
		.where((eb) => eb.or([eb('c.close_reason', 'is', null), eb('c.close_reason', '!=', 'no_talk')]))
		// The exact negation of the stalled condition the figures always used.
		.where(
			sql`${lastContact} + coalesce(s.stalled_days, ${DEFAULT_STALLED_DAYS}) * cast(${DAY} as bigint)`,
			'>=',
			sql`cast(${now} as bigint)`
		);
	if (q.officeIds) recent = recent.where('c.office_id', 'in', q.officeIds);
	if (q.land) recent = recent.where('c.land_iso', '=', q.land);
	return num((await recent.executeTakeFirst())?.n);
}

/** Cases opened in the period by their status now (stalled by the office's setting); closures by reason. */
export async function caseFigures(db: Reader, q: PartFilter, now: number): Promise<Figures['cases']> {
	let cancelQ = db
		.selectFrom('booking as b')
		.where('b.status', '=', 'cancelled')
		.where('b.cancelled_at', '>=', q.start)
		.where('b.cancelled_at', '<', q.end);
	if (q.officeIds) cancelQ = cancelQ.where('b.office_id', 'in', q.officeIds);
	if (q.land) cancelQ = cancelQ.where('b.land_iso', '=', q.land);
	const [counts, recent, cancelRows] = await Promise.all([
		monthlyCaseCounts(db, q),
		openWithRecentContact(db, q, now),
		cancelQ
			.select([sql<string>`coalesce(b.cancel_reason_key, '')`.as('reason'), sql<number>`count(*)`.as('n')])
			.groupBy(sql`coalesce(b.cancel_reason_key, '')`)
			.execute()
	]);
	const opened = counts.filter((r) => r.dim === 'opened');
	const statusN = (s: string) => opened.find((r) => r.key === s)?.n ?? 0;
	const closeReasons = counts
		.filter((r) => r.dim === 'closed')
		.map((r) => ({ key: r.key, n: r.n }))
		.sort(byCount);
	return {
		opened: opened.reduce((a, r) => a + r.n, 0),
		open: statusN('open'),
		paused: statusN('paused'),
		closed: statusN('closed'),
		stalled: statusN('open') - recent,
		closedInPeriod: closeReasons.reduce((a, r) => a + r.n, 0),
		closeReasons,
		cancelReasons: cancelRows.map((r) => ({ key: r.reason, n: num(r.n) }))
	};
}

/**
 * Recounts stat_case_month from case_file (the statistics rebuild; the bench's generator gets
 * its rows from the triggers as the product does). Same expressions as the triggers.
 */
export async function rebuildCaseAggregates(db: Reader): Promise<void> {
	await db.deleteFrom('stat_case_month').execute();
	const month = (at: string) =>
		sql.raw(
			`coalesce((select m.month from stat_month m where m.starts_at <= c.${at} order by m.starts_at desc limit 1), '')`
		);
	await sql`insert into stat_case_month (dim, month, office_id, land_iso, key, n)
		select dim, month, office_id, land_iso, key, count(*) from (
			select 'opened' as dim, ${month('opened_at')} as month, c.office_id as office_id,
				coalesce(c.land_iso, '') as land_iso, c.status as key
			from case_file c where c.close_reason is null or c.close_reason <> 'no_talk'
			union all
			select 'closed', ${month('closed_at')}, c.office_id, coalesce(c.land_iso, ''), coalesce(c.close_reason, 'other')
			from case_file c where c.status = 'closed' and c.closed_at is not null
		) x group by dim, month, office_id, land_iso, key`.execute(db);
}
