import type { Db, Tx } from '../db/transaction';
import { searchContactPointIds } from './search';
import {
	type ContactPointCost,
	type ContactPointKind,
	type DirectoryFilter,
	type Scope,
	VERIFY_AFTER_MONTHS
} from './schema';

/**
 * Reads of the directory of further contact points. In this app one organisation offers one
 * service (the HSDS model allows more; the import keeps to one per organisation), so a contact
 * point is the pair, identified by the organisation's id and key. The directory is small (tens
 * to a few hundred entries), yet the public search filters, orders and pages in SQL (search.ts,
 * issue 14), with text through the one full-text interface, like every public list.
 */
type Reader = Db | Tx;

export interface ContactPoint {
	/** The organisation's id (the id in URLs). */
	id: number;
	serviceId: number;
	key: string;
	name: string;
	/** What the service helps with. */
	description: string;
	organizationDescription: string;
	kind: ContactPointKind;
	cost: ContactPointCost | null;
	website: string | null;
	serviceUrl: string | null;
	email: string | null;
	phone: string | null;
	advocacy: boolean;
	active: boolean;
	scope: Scope;
	/** ISO 3166-2 codes, sorted; empty for national entries. */
	laender: string[];
	topics: string[];
	submarkets: string[];
	lastVerifiedAt: number | null;
	lastVerifiedBy: string | null;
	createdAt: number;
	updatedAt: number;
}

/**
 * What anyone may see of a contact point, on the public directory page and in the API: not
 * the staff's side (who verified it, the organisation's own text, when it was entered).
 */
export function publicContactPoint(c: ContactPoint) {
	const { id, key, name, description, kind, cost, scope, laender, website, email, phone, advocacy } = c;
	return { id, key, name, description, kind, cost, scope, laender, website, email, phone, advocacy };
}

async function load(
	db: Reader,
	where?: { id?: number; key?: string; ids?: number[] }
): Promise<ContactPoint[]> {
	if (where?.ids !== undefined && where.ids.length === 0) return [];
	const rows = await selectRows(db, where);
	if (rows.length === 0) return [];
	const serviceIds = rows.map((r) => Number(r.service_id));
	const areas = await db
		.selectFrom('cp_service_area')
		.select(['service_id', 'scope', 'land_iso'])
		.where('service_id', 'in', serviceIds)
		.execute();
	const terms = await db
		.selectFrom('cp_service_taxonomy')
		.select(['service_id', 'vocabulary', 'term_key'])
		.where('service_id', 'in', serviceIds)
		.execute();
	const seen = new Set<number>();
	const out: ContactPoint[] = [];
	for (const r of rows) {
		const id = Number(r.id);
		if (seen.has(id)) continue; // one service per organisation; a stray second one is ignored
		seen.add(id);
		const sid = Number(r.service_id);
		out.push(
			contactPointOf(
				r,
				areas.filter((a) => Number(a.service_id) === sid),
				terms.filter((t) => Number(t.service_id) === sid)
			)
		);
	}
	return out;
}

function selectRows(db: Reader, where?: { id?: number; key?: string; ids?: number[] }) {
	let q = db
		.selectFrom('cp_organization as o')
		.innerJoin('cp_service as s', 's.organization_id', 'o.id')
		.select([
			'o.id as id',
			'o.key',
			'o.name as org_name',
			'o.description as org_description',
			'o.website',
			'o.email',
			'o.phone',
			'o.is_advocacy',
			'o.last_verified_at',
			'o.last_verified_by',
			'o.created_at',
			'o.updated_at',
			's.id as service_id',
			's.name as service_name',
			's.description',
			's.kind',
			's.cost',
			's.url',
			's.active'
		])
		.orderBy('o.id')
		.orderBy('s.id');
	if (where?.id !== undefined) q = q.where('o.id', '=', where.id);
	if (where?.key !== undefined) q = q.where('o.key', '=', where.key);
	if (where?.ids !== undefined) q = q.where('o.id', 'in', where.ids);
	return q.execute();
}

type ContactPointRow = Awaited<ReturnType<typeof selectRows>>[number];

/** An organisation with its service, given that service's areas and terms. */
function contactPointOf(
	r: ContactPointRow,
	areas: { scope: string; land_iso: string | null }[],
	terms: { vocabulary: string; term_key: string }[]
): ContactPoint {
	const termsOf = (v: 'topic' | 'submarket') =>
		terms
			.filter((t) => t.vocabulary === v)
			.map((t) => t.term_key)
			.sort();
	return {
		id: Number(r.id),
		serviceId: Number(r.service_id),
		key: r.key,
		name: r.service_name || r.org_name,
		description: r.description,
		organizationDescription: r.org_description,
		kind: r.kind,
		cost: r.cost,
		website: r.website,
		serviceUrl: r.url,
		email: r.email,
		phone: r.phone,
		advocacy: Number(r.is_advocacy) === 1,
		active: Number(r.active) === 1,
		scope: areas.some((a) => a.scope === 'bund') || areas.length === 0 ? 'bund' : 'land',
		laender: areas
			.filter((a) => a.scope === 'land' && a.land_iso)
			.map((a) => a.land_iso!)
			.sort(),
		topics: termsOf('topic'),
		submarkets: termsOf('submarket'),
		lastVerifiedAt: r.last_verified_at === null ? null : Number(r.last_verified_at),
		lastVerifiedBy: r.last_verified_by,
		createdAt: Number(r.created_at),
		updatedAt: Number(r.updated_at)
	};
}

const byName = (a: ContactPoint, b: ContactPoint) => a.name.localeCompare(b.name, 'de');

/** Every entry, sorted by name; `activeOnly` for public pages. */
export async function listContactPoints(
	db: Reader,
	options: { activeOnly?: boolean } = {}
): Promise<ContactPoint[]> {
	const all = await load(db);
	return (options.activeOnly ? all.filter((c) => c.active) : all).sort(byName);
}

/** The entries with these ids (any order). */
export async function listContactPointsById(db: Reader, ids: number[]): Promise<ContactPoint[]> {
	return load(db, { ids });
}

export async function getContactPoint(db: Reader, id: number): Promise<ContactPoint | null> {
	return (await load(db, { id }))[0] ?? null;
}

export async function getContactPointByKey(db: Reader, key: string): Promise<ContactPoint | null> {
	return (await load(db, { key }))[0] ?? null;
}

const fold = (s: string) => s.toLocaleLowerCase('de').normalize('NFC');

/**
 * Whether an entry fits the filters. A Land gives the national entries plus that Land's; an
 * entry without sub-market terms serves every sub-market; text matches name or description,
 * ignoring case (every word must occur).
 */
export function matchesFilter(c: ContactPoint, f: DirectoryFilter): boolean {
	if (f.land && c.scope === 'land' && !c.laender.includes(f.land)) return false;
	if (f.topic && !c.topics.includes(f.topic)) return false;
	if (f.submarket && c.submarkets.length > 0 && !c.submarkets.includes(f.submarket)) return false;
	const words = fold(f.q ?? '')
		.split(/\s+/)
		.filter(Boolean);
	if (words.length > 0) {
		const text = fold(`${c.name} ${c.description} ${c.organizationDescription}`);
		if (!words.every((w) => text.includes(w))) return false;
	}
	return true;
}

/**
 * The public search: active entries fitting the filters (in SQL, directory/search.ts). With a
 * Land, that Land's own entries come first, then the national ones; each group by name.
 */
export async function searchContactPoints(db: Reader, filter: DirectoryFilter): Promise<ContactPoint[]> {
	return (await contactPointsPage(db, filter, { page: 1, pageSize: 10_000 })).results;
}

/** /anlaufstellen shows 25 entries a page. */
export const DIRECTORY_PAGE_SIZE = 25;

/** One page of the public search; filters, order, count and page in SQL. */
export async function contactPointsPage(
	db: Reader,
	filter: DirectoryFilter,
	options: { page?: number; pageSize?: number } = {}
): Promise<{ results: ContactPoint[]; total: number; page: number; pageSize: number }> {
	const pageSize = options.pageSize ?? DIRECTORY_PAGE_SIZE;
	const found = await searchContactPointIds(db, filter, { page: options.page ?? 1, pageSize });
	const byId = new Map((await load(db, { ids: found.ids })).map((c) => [c.id, c]));
	return {
		results: found.ids.map((id) => byId.get(id)).filter((c): c is ContactPoint => c !== undefined),
		total: found.total,
		page: found.page,
		pageSize
	};
}

/** The instant VERIFY_AFTER_MONTHS calendar months before `now`. */
export function verifyCutoff(now: Date, months = VERIFY_AFTER_MONTHS): number {
	const d = new Date(now.getTime());
	d.setUTCMonth(d.getUTCMonth() - months);
	return d.getTime();
}

/** Entries not verified for 12 months (or never), oldest first. `now` comes from the clock. */
export async function listUnverified(db: Reader, now: Date): Promise<ContactPoint[]> {
	const cutoff = verifyCutoff(now);
	return (await listContactPoints(db))
		.filter((c) => c.lastVerifiedAt === null || c.lastVerifiedAt < cutoff)
		.sort((a, b) => (a.lastVerifiedAt ?? 0) - (b.lastVerifiedAt ?? 0) || byName(a, b));
}

/** Topic and sub-market keys that exist (for validating filters and forms). */
export async function termKeys(db: Reader): Promise<{ topics: Set<string>; submarkets: Set<string> }> {
	const [topics, submarkets] = await Promise.all([
		db.selectFrom('topic').select('key').execute(),
		db.selectFrom('submarket').select('key').execute()
	]);
	return { topics: new Set(topics.map((t) => t.key)), submarkets: new Set(submarkets.map((s) => s.key)) };
}

/** The service an entry shows: its first, as the imports update it (an entry holds one service). */
/** Which of these organisation keys the directory holds already: what an import preview counts as updates. */
export async function storedOrganizationKeys(db: Reader, keys: readonly string[]): Promise<Set<string>> {
	if (keys.length === 0) return new Set();
	const rows = await db
		.selectFrom('cp_organization')
		.select('key')
		.where('key', 'in', [...keys])
		.execute();
	return new Set(rows.map((o) => o.key));
}

export async function firstServiceId(db: Reader, organizationId: number): Promise<number | null> {
	const svc = await db
		.selectFrom('cp_service')
		.select('id')
		.where('organization_id', '=', organizationId)
		.orderBy('id')
		.executeTakeFirst();
	return svc ? Number(svc.id) : null;
}
