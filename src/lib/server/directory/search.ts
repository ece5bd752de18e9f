import { sql } from 'kysely';
import type { Db, Tx } from '../db/transaction';
import { matchingIds } from '../platform/full-text-search';
import type { DirectoryFilter } from './schema';

/**
 * The public directory search in SQL (issue 14): the same decisions as queries.ts `matchesFilter`
 * — a Land gives the national entries (a 'bund' area, or no area at all) plus that Land's; an
 * entry without sub-market terms serves every sub-market — and text through the one full-text
 * interface. Each organisation counts with its first service, as queries.ts reads it.
 */
export async function searchContactPointIds(
	db: Db | Tx,
	f: DirectoryFilter,
	paging: { page: number; pageSize: number }
): Promise<{ ids: number[]; total: number; page: number }> {
	const q = publicContactPoints(db, f);
	const counted = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	const total = Number(counted.n);
	const page = Math.min(Math.max(1, paging.page), Math.max(1, Math.ceil(total / paging.pageSize)));
	// With a Land, its own entries first (not national), then by name.
	const rows = await q
		.select('o.id')
		.$if(Boolean(f.land), (w) => w.orderBy(sql`case when ${national} then 1 else 0 end`))
		.orderBy(sql`lower(coalesce(nullif(s.name, ''), o.name))`)
		.orderBy('o.id')
		.limit(paging.pageSize)
		.offset((page - 1) * paging.pageSize)
		.execute();
	return { ids: rows.map((r) => Number(r.id)), total, page };
}

/** Whether service `s` is national: a 'bund' area, or no area at all. */
const national = sql<boolean>`(exists (select 1 from cp_service_area a where a.service_id = s.id and a.scope = 'bund')
		or not exists (select 1 from cp_service_area a where a.service_id = s.id))`;

/** Service `s` carries a term of `vocabulary` (that one term, when `key` is given). */
export const hasTerm = (db: Db | Tx, vocabulary: 'topic' | 'submarket', key?: string) =>
	db
		.selectFrom('cp_service_taxonomy as t')
		.select('t.service_id')
		.where('t.service_id', '=', sql<number>`s.id`)
		.where('t.vocabulary', '=', vocabulary)
		.$if(key !== undefined, (w) => w.where('t.term_key', '=', key!));

/** Active entries (organisation `o` with its first service `s`) fitting the public filters. */
export function publicContactPoints(db: Db | Tx, f: DirectoryFilter) {
	let q = db
		.selectFrom('cp_organization as o')
		.innerJoin('cp_service as s', 's.organization_id', 'o.id')
		.where('s.active', '=', 1)
		.where('s.id', '=', (eb) =>
			eb
				.selectFrom('cp_service as first')
				.select((e) => e.fn.min('first.id').as('id'))
				.whereRef('first.organization_id', '=', 'o.id')
		);
	const land = f.land;
	if (land)
		q = q.where((eb) =>
			eb.or([
				eb(national, '=', sql<boolean>`true`),
				eb.exists(
					eb
						.selectFrom('cp_service_area as a')
						.select('a.service_id')
						.whereRef('a.service_id', '=', 's.id')
						.where('a.scope', '=', 'land')
						.where('a.land_iso', '=', land)
				)
			])
		);
	if (f.topic) q = q.where((eb) => eb.exists(hasTerm(db, 'topic', f.topic!)));
	const submarket = f.submarket;
	if (submarket)
		q = q.where((eb) =>
			eb.or([eb.not(eb.exists(hasTerm(db, 'submarket'))), eb.exists(hasTerm(db, 'submarket', submarket))])
		);
	const matching = matchingIds(db, 'contact_point', f.q);
	if (matching) q = q.where('o.id', 'in', matching);
	return q;
}
