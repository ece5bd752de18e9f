import type { Db } from '../db/transaction';
import { transact } from '../db/transaction';
import { summaryKeys } from './consultation-rules';
import { rebuildCaseAggregates } from './case-figures';
import { syncBookingFact, syncRecordFact } from './facts';
import { rebuildPeopleAggregates } from './people-aggregates';

/**
 * Backfill (`npm run kl -- stats-rebuild`, and at start when facts are missing): brings the
 * fact of every booking and record that could count in line with the data, then recounts the
 * monthly counters from the facts. Facts whose booking or record no longer exists are kept:
 * they are the anonymous memory of consultations whose data was deleted.
 */
export interface RebuildReport {
	checked: number;
	added: number;
	removed: number;
	changed: number;
	facts: number;
}

const BATCH = 500;

export async function rebuildStatistics(
	db: Db,
	options: { now: number; progress?: (line: string) => void }
): Promise<RebuildReport> {
	const progress = options.progress ?? (() => {});
	const report: RebuildReport = { checked: 0, added: 0, removed: 0, changed: 0, facts: 0 };
	const tally = (r: 'added' | 'removed' | 'changed' | 'unchanged') => {
		report.checked++;
		if (r !== 'unchanged') report[r]++;
	};

	// Bookings that count or might have counted before (a fact exists).
	const bookingIds = new Set<number>();
	for (const r of await db
		.selectFrom('booking')
		.select('id')
		.where('status', 'in', ['attended', 'confirmed', 'no_show'])
		.execute())
		bookingIds.add(Number(r.id));
	for (const r of await db
		.selectFrom('stat_consultation')
		.select('source_id')
		.where('source', '=', 'booking')
		.execute())
		bookingIds.add(Number(r.source_id));
	const recordIds = (
		await db.selectFrom('consultation_record').select('id').where('booking_id', 'is', null).execute()
	).map((r) => Number(r.id));

	const bookings = [...bookingIds].sort((a, b) => a - b);
	const total = bookings.length + recordIds.length;
	progress(
		`stats-rebuild: ${bookings.length} bookings and ${recordIds.length} records without a booking to check`
	);
	let done = 0;
	// Bookings first, then records without a booking: each in batches of one transaction.
	const sources = [
		{ ids: bookings, sync: syncBookingFact },
		{ ids: recordIds, sync: syncRecordFact }
	];
	for (const { ids, sync } of sources)
		for (let i = 0; i < ids.length; i += BATCH) {
			const batch = ids.slice(i, i + BATCH);
			await transact(db, async (trx) => {
				for (const id of batch) tally(await sync(trx, id, options.now));
			});
			done += batch.length;
			progress(`stats-rebuild: ${done}/${total} checked`);
		}
	report.facts = await recountMonthly(db, progress);
	progress(
		`stats-rebuild: done — ${report.added} added, ${report.changed} changed, ${report.removed} removed; ${report.facts} facts counted`
	);
	return report;
}

/** Recomputes stat_consultation_month from the facts in one transaction. Returns the fact count. */
export async function recountMonthly(db: Db, progress: (line: string) => void = () => {}): Promise<number> {
	return transact(db, async (trx) => {
		const counts = new Map<string, number>();
		let lastId = 0;
		let facts = 0;
		for (;;) {
			const page = await trx
				.selectFrom('stat_consultation')
				.select(['id', 'month', 'office_id', 'land_iso', 'submarket', 'stage', 'format', 'kind', 'topics'])
				.where('id', '>', lastId)
				.orderBy('id')
				.limit(10_000)
				.execute();
			if (page.length === 0) break;
			for (const f of page) {
				const fact = {
					kind: f.kind,
					submarket: f.submarket,
					stage: f.stage,
					format: f.format,
					topics: JSON.parse(f.topics) as string[]
				};
				for (const k of summaryKeys(fact as Parameters<typeof summaryKeys>[0])) {
					const key = [f.month, Number(f.office_id), f.land_iso, k.dim, k.key].join('\u0000');
					counts.set(key, (counts.get(key) ?? 0) + 1);
				}
			}
			facts += page.length;
			lastId = Number(page.at(-1)!.id);
			if (facts % 100_000 < page.length) progress(`stats-rebuild: ${facts} facts recounted`);
		}
		await trx.deleteFrom('stat_consultation_month').execute();
		const rows = [...counts].map(([key, n]) => {
			const [month, office, land, dim, k] = key.split('\u0000') as [string, string, string, string, string];
			return { month, office_id: Number(office), land_iso: land, dim, key: k, n };
		});
		for (let i = 0; i < rows.length; i += 500)
			await trx
				.insertInto('stat_consultation_month')
				.values(rows.slice(i, i + 500))
				.execute();
		// Issue 14: the yearly people rows are derived from the same facts.
		await rebuildPeopleAggregates(trx);
		// Kept by triggers; recounted here too so a rebuild repairs whatever it finds.
		await rebuildCaseAggregates(trx);
		return facts;
	});
}

/** True when bookings or records exist that could count but no fact has been written yet. */
export async function needsBackfill(db: Db): Promise<boolean> {
	const fact = await db.selectFrom('stat_consultation').select('id').limit(1).executeTakeFirst();
	if (fact) return false;
	const booking = await db
		.selectFrom('booking')
		.select('id')
		.where('status', '=', 'attended')
		.limit(1)
		.executeTakeFirst();
	if (booking) return true;
	const record = await db.selectFrom('consultation_record').select('id').limit(1).executeTakeFirst();
	return record !== undefined;
}
