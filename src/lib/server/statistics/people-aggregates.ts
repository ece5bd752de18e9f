import { sql } from 'kysely';
import type { Db, Tx } from '../db/transaction';

/**
 * Issue 14: distinct people per year without grouping a year of facts by person at read time.
 *
 * `stat_person_year` holds, per calendar year, per scope and per pseudonym, what the dashboard's
 * people figures need of that person's facts: how many, the first day of a first consultation
 * (d0) and of a follow-up (d1). `stat_people_year` counts those rows by the only three things the
 * figures ask of them (gap d1 − d0, two or more, has a first consultation). Both hold nothing the
 * facts do not hold already (the pseudonym, day numbers, counts) and are kept in step with the
 * facts in the same transaction (facts.ts). A scope is what the dashboard can select: the whole
 * network ('all'), one office ('o:<id>'), one Land ('l:<iso>') or both ('o:<id>|l:<iso>').
 */
type Reader = Db | Tx;

export function scopesOf(officeId: number, land: string): string[] {
	return ['all', `o:${officeId}`, `l:${land}`, `o:${officeId}|l:${land}`];
}

/** The scope of a dashboard filter, or null when no single scope covers it (several offices). */
export function scopeFor(officeIds: number[] | null, land: string | null): string | null {
	if (officeIds && officeIds.length !== 1) return null;
	const parts = [...(officeIds ? [`o:${officeIds[0]}`] : []), ...(land !== null ? [`l:${land}`] : [])];
	return parts.length ? parts.join('|') : 'all';
}

export interface PersonYear {
	n: number;
	d0: number | null;
	d1: number | null;
}

export interface PeopleBucket {
	gap: number;
	multi: 0 | 1;
	hasFirst: 0 | 1;
}

/** The same case expressions as the per-person query over the facts (queries.ts). */
export function bucketOf(p: PersonYear): PeopleBucket {
	return {
		gap: p.d0 !== null && p.d1 !== null && p.d1 >= p.d0 ? p.d1 - p.d0 : -1,
		multi: p.n >= 2 ? 1 : 0,
		hasFirst: p.d0 !== null ? 1 : 0
	};
}

const nullableNum = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

async function addToBucket(trx: Reader, year: string, scope: string, b: PeopleBucket, delta: 1 | -1) {
	await trx
		.insertInto('stat_people_year')
		.values({ year, scope, gap: b.gap, multi: b.multi, has_first: b.hasFirst, n: delta })
		.onConflict((oc) =>
			oc
				.columns(['year', 'scope', 'gap', 'multi', 'has_first'])
				.doUpdateSet({ n: sql`stat_people_year.n + excluded.n` })
		)
		.execute();
}

/**
 * Recomputes one person's rows for a year in the scopes of one office and Land from the facts
 * (an index on person and month makes it a handful of rows), and moves the person between
 * buckets. Call it after any fact of that person in that year, office and Land changed.
 */
export async function refreshPersonYear(
	trx: Reader,
	person: string,
	month: string,
	officeId: number,
	land: string
): Promise<void> {
	const year = month.slice(0, 4);
	for (const scope of scopesOf(officeId, land)) {
		let q = trx
			.selectFrom('stat_consultation')
			.select([
				sql<number>`count(*)`.as('n'),
				sql<number | null>`min(case when kind = 'first' then day_no end)`.as('d0'),
				sql<number | null>`min(case when kind = 'follow_up' then day_no end)`.as('d1')
			])
			.where('person', '=', person)
			.where('month', '>=', `${year}-01`)
			.where('month', '<=', `${year}-12`);
		if (scope.includes('o:')) q = q.where('office_id', '=', officeId);
		if (scope.includes('l:')) q = q.where('land_iso', '=', land);
		const r = await q.executeTakeFirstOrThrow();
		const fresh: PersonYear = { n: Number(r.n ?? 0), d0: nullableNum(r.d0), d1: nullableNum(r.d1) };
		const stored = await trx
			.selectFrom('stat_person_year')
			.select(['n', 'd0', 'd1'])
			.where('year', '=', year)
			.where('scope', '=', scope)
			.where('person', '=', person)
			.executeTakeFirst();
		const old: PersonYear | null = stored
			? { n: Number(stored.n), d0: nullableNum(stored.d0), d1: nullableNum(stored.d1) }
			: null;
		if (old && old.n === fresh.n && old.d0 === fresh.d0 && old.d1 === fresh.d1) continue;
		if (old) await addToBucket(trx, year, scope, bucketOf(old), -1);
		if (fresh.n === 0) {
			await trx
				.deleteFrom('stat_person_year')
				.where('year', '=', year)
				.where('scope', '=', scope)
				.where('person', '=', person)
				.execute();
			continue;
		}
		await trx
			.insertInto('stat_person_year')
			.values({ year, scope, person, n: fresh.n, d0: fresh.d0, d1: fresh.d1 })
			.onConflict((oc) =>
				oc.columns(['year', 'scope', 'person']).doUpdateSet({ n: fresh.n, d0: fresh.d0, d1: fresh.d1 })
			)
			.execute();
		await addToBucket(trx, year, scope, bucketOf(fresh), 1);
	}
}

/** The people buckets of a year in a scope (a few hundred rows at most). */
export async function peopleBuckets(
	db: Reader,
	year: string,
	scope: string
): Promise<(PeopleBucket & { n: number })[]> {
	const rows = await db
		.selectFrom('stat_people_year')
		.select(['gap', 'multi', 'has_first', 'n'])
		.where('year', '=', year)
		.where('scope', '=', scope)
		.where('n', '>', 0)
		.execute();
	return rows.map((r) => ({
		gap: Number(r.gap),
		multi: Number(r.multi) === 1 ? 1 : 0,
		hasFirst: Number(r.has_first) === 1 ? 1 : 0,
		n: Number(r.n)
	}));
}

/**
 * Recomputes both tables from the facts in SQL (the migration's backfill, the statistics
 * rebuild and the bench's generator, which writes facts in bulk).
 */
export async function rebuildPeopleAggregates(db: Reader): Promise<void> {
	await db.deleteFrom('stat_people_year').execute();
	await db.deleteFrom('stat_person_year').execute();
	const scopes = [
		{ expr: sql`'all'`, by: sql`1, 3` },
		{ expr: sql`'o:' || cast(office_id as text)`, by: sql`1, 2, 3` },
		{ expr: sql`'l:' || land_iso`, by: sql`1, 2, 3` },
		{ expr: sql`'o:' || cast(office_id as text) || '|l:' || land_iso`, by: sql`1, 2, 3` }
	];
	for (const s of scopes)
		await sql`insert into stat_person_year (year, scope, person, n, d0, d1)
			select substr(month, 1, 4), ${s.expr}, person, count(*),
				min(case when kind = 'first' then day_no end),
				min(case when kind = 'follow_up' then day_no end)
			from stat_consultation group by ${s.by}`.execute(db);
	await sql`insert into stat_people_year (year, scope, gap, multi, has_first, n)
		select year, scope,
			case when d0 is not null and d1 >= d0 then d1 - d0 else -1 end,
			case when n >= 2 then 1 else 0 end,
			case when d0 is not null then 1 else 0 end,
			count(*)
		from stat_person_year group by 1, 2, 3, 4, 5`.execute(db);
}
