import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../db/transaction';
import {
	HSDS_VERSION,
	type HsdsService,
	type HsdsServiceListItem,
	type HsdsServicesQuery
} from './hsds-schema';
import {
	hsdsNames,
	organizationUuid,
	serviceUuid,
	stableUuid,
	TAXONOMY,
	taxonomyUuid,
	toHsdsListItem,
	toHsdsService
} from './hsds-shape';
import { type ContactPoint, listContactPoints, listContactPointsById } from './queries';
import { CONTACT_POINT_COSTS, CONTACT_POINT_KINDS } from './schema';
import { hasTerm, publicContactPoints } from './search';

/**
 * The public HSDS 3.0 API (GET /api/v1/hsds/…): active entries only, as on the public directory,
 * sorted by key, and never `assurer_email` (a staff member's address; the full export with it
 * stays on staff pages).
 */
export function hsdsMeta(origin: string) {
	return {
		version: HSDS_VERSION,
		profile: 'https://docs.openreferral.org/en/v3.0/',
		openapi_url: `${origin}/api/v1/openapi.json`
	};
}

export interface HsdsPage<T> {
	total_items: number;
	total_pages: number;
	page_number: number;
	size: number;
	first_page: boolean;
	last_page: boolean;
	empty: boolean;
	contents: T[];
}

/** The HSDS page fields for one page of `contents` out of `total` items. */
export function hsdsPageOf<T>(contents: T[], total: number, page: number, perPage: number): HsdsPage<T> {
	const totalPages = Math.max(1, Math.ceil(total / perPage));
	return {
		total_items: total,
		total_pages: totalPages,
		page_number: page,
		size: contents.length,
		first_page: page === 1,
		last_page: page >= totalPages,
		empty: contents.length === 0,
		contents
	};
}

/** Pages a small list held in memory (the taxonomies: a few dozen fixed terms, never a table scan). */
export function paginate<T>(items: T[], page: number, perPage: number): HsdsPage<T> {
	return hsdsPageOf(items.slice((page - 1) * perPage, page * perPage), items.length, page, perPage);
}

/**
 * `/services`: `search` matches name and descriptions through the one full-text interface (every
 * word, the last as a prefix, like the public directory); `taxonomy_term_id`, `taxonomy_id`,
 * `organization_id` select by HSDS id; `modified_after` keeps entries changed at or after that
 * instant. `full` gives nested services. Filters, order (by key), count and page are SQL (issue
 * 14): our HSDS ids are hashes of keys, so an id is first turned into the key or term it names.
 */
export async function hsdsServicesPage(
	db: Db,
	q: HsdsServicesQuery
): Promise<HsdsPage<HsdsServiceListItem | HsdsService>> {
	let query = publicContactPoints(db, { q: q.search });
	if (q.modified_after) query = query.where('o.updated_at', '>=', Date.parse(q.modified_after));
	if (q.organization_id) {
		const keys = await db.selectFrom('cp_organization').select('key').execute();
		const key = keys.find((k) => organizationUuid(k.key) === q.organization_id?.toLowerCase())?.key ?? null;
		query = query.where('o.key', '=', key ?? '\u0000none');
	}
	const vocabulary = await termVocabulary(db);
	for (const [id, ofTerm] of [
		[q.taxonomy_term_id, true],
		[q.taxonomy_id, false]
	] as const) {
		if (!id) continue;
		const found = vocabulary.find((v) => (ofTerm ? v.termId : v.taxonomyId) === id.toLowerCase());
		query = query.where((eb) => (found ? found.condition(eb, ofTerm) : sql<SqlBool>`1 = 0`));
	}
	const counted = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	const total = Number(counted.n);
	const rows = await query
		.select('o.id')
		.orderBy('o.key')
		.limit(q.per_page)
		.offset((q.page - 1) * q.per_page)
		.execute();
	const byId = new Map(
		(
			await listContactPointsById(
				db,
				rows.map((r) => Number(r.id))
			)
		).map((c) => [c.id, c])
	);
	const page = rows.map((r) => byId.get(Number(r.id))).filter((c): c is ContactPoint => c !== undefined);
	const n = q.full ? await hsdsNames(db) : null;
	return hsdsPageOf(
		page.map((c) =>
			n ? toHsdsService(c, n, { withAssurer: false }) : toHsdsListItem(c, { withAssurer: false })
		),
		total,
		q.page,
		q.per_page
	);
}

type Where = Parameters<ReturnType<typeof publicContactPoints>['where']>[0];
type Eb = Parameters<Extract<Where, (...args: never[]) => unknown>>[0];

/** Every HSDS taxonomy term we can hand out, with the SQL condition "service s carries it". */
async function termVocabulary(db: Db) {
	const [topics, submarkets] = await Promise.all([
		db.selectFrom('topic').select('key').execute(),
		db.selectFrom('submarket').select('key').execute()
	]);
	const entry = (
		taxonomy: string,
		code: string,
		term: (eb: Eb) => Expression<SqlBool>,
		any: (eb: Eb) => Expression<SqlBool>
	) => ({
		termId: stableUuid('term', taxonomy, code),
		taxonomyId: taxonomyUuid(taxonomy),
		condition: (eb: Eb, ofTerm: boolean) => (ofTerm ? term(eb) : any(eb))
	});
	return [
		...CONTACT_POINT_KINDS.map((k) =>
			entry(
				TAXONOMY.kind,
				k,
				(eb) => eb('s.kind', '=', k) as never,
				() => sql<SqlBool>`1 = 1`
			)
		),
		...CONTACT_POINT_COSTS.map((c) =>
			entry(
				TAXONOMY.cost,
				c,
				(eb) => eb('s.cost', '=', c) as never,
				(eb) => eb('s.cost', 'is not', null) as never
			)
		),
		entry(
			TAXONOMY.advocacy,
			'advocacy',
			(eb) => eb('o.is_advocacy', '=', 1) as never,
			(eb) => eb('o.is_advocacy', '=', 1) as never
		),
		...(['topic', 'submarket'] as const).flatMap((v) =>
			(v === 'topic' ? topics : submarkets).map((t) =>
				entry(
					TAXONOMY[v],
					t.key,
					(eb) => eb.exists(hasTerm(db, v, t.key)) as never,
					(eb) => eb.exists(hasTerm(db, v)) as never
				)
			)
		)
	];
}

/** `/services/{id}`: the fully nested active service, or null (404). */
export async function hsdsServiceById(db: Db, id: string): Promise<HsdsService | null> {
	const found: ContactPoint | undefined = (await listContactPoints(db, { activeOnly: true })).find(
		(c) => serviceUuid(c.key) === id.toLowerCase()
	);
	return found ? toHsdsService(found, await hsdsNames(db), { withAssurer: false }) : null;
}
