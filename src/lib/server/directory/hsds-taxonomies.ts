import type { Db } from '../db/transaction';
import { paginate, type HsdsPage } from './hsds-api';
import type {
	HsdsTaxonomiesQuery,
	HsdsTaxonomy,
	HsdsTaxonomyTermFull,
	HsdsTaxonomyTermsQuery
} from './hsds-schema';
import {
	ADVOCACY_TERM,
	costTermName,
	hsdsNames,
	hsdsTerm,
	kindTermName,
	TAXONOMY,
	taxonomyUuid
} from './hsds-shape';
import { CONTACT_POINT_COSTS, CONTACT_POINT_KINDS } from './schema';

/**
 * HSDS 3.0 `/taxonomies` and `/taxonomy_terms`: our five vocabularies and every term of them,
 * with the same ids as in the services' attributes, so a client can resolve `taxonomy_id` and
 * `taxonomy_term_id` filters of `/services`. The vocabularies are flat: no term has a parent.
 */
const DESCRIPTIONS: Record<keyof typeof TAXONOMY, string> = {
	topic: 'Themen, zu denen eine Anlaufstelle berät (Kreativlotse).',
	submarket: 'Teilmärkte der Kultur- und Kreativwirtschaft, die eine Anlaufstelle bedient (Kreativlotse).',
	kind: 'Art der Anlaufstelle (Kreativlotse).',
	cost: 'Kosten des Angebots einer Anlaufstelle (Kreativlotse).',
	advocacy: 'Interessenvertretung (Verband), keine Einzelberatung (Kreativlotse).'
};

export function hsdsTaxonomies(): HsdsTaxonomy[] {
	return (Object.keys(TAXONOMY) as (keyof typeof TAXONOMY)[]).map((k) => ({
		id: taxonomyUuid(TAXONOMY[k]),
		name: TAXONOMY[k],
		description: DESCRIPTIONS[k]
	}));
}

/** Every term of every vocabulary, in vocabulary order (topics and sub-markets by their sort). */
export async function hsdsTaxonomyTerms(db: Db): Promise<HsdsTaxonomyTermFull[]> {
	const [topics, submarkets, n] = await Promise.all([
		db.selectFrom('topic').select('key').orderBy('sort').orderBy('key').execute(),
		db.selectFrom('submarket').select('key').orderBy('sort').orderBy('key').execute(),
		hsdsNames(db)
	]);
	const detail = new Map(hsdsTaxonomies().map((t) => [t.name, t]));
	const terms = [
		...topics.map((t) => hsdsTerm(TAXONOMY.topic, t.key, n.topics.get(t.key) ?? t.key)),
		...submarkets.map((s) => hsdsTerm(TAXONOMY.submarket, s.key, n.submarkets.get(s.key) ?? s.key)),
		...CONTACT_POINT_KINDS.map((k) => hsdsTerm(TAXONOMY.kind, k, kindTermName(k))),
		...CONTACT_POINT_COSTS.map((c) => hsdsTerm(TAXONOMY.cost, c, costTermName(c))),
		hsdsTerm(TAXONOMY.advocacy, ADVOCACY_TERM.code, ADVOCACY_TERM.name)
	];
	return terms.map((t) => ({ ...t, taxonomy_detail: detail.get(t.taxonomy)! }));
}

/** `search`: every word occurs in one of the texts, ignoring case (as the services' search). */
function matches(search: string | undefined, ...texts: string[]): boolean {
	if (!search) return true;
	const hay = texts.join(' ').toLocaleLowerCase('de');
	return search
		.toLocaleLowerCase('de')
		.split(/\s+/)
		.filter(Boolean)
		.every((w) => hay.includes(w));
}

export function hsdsTaxonomiesPage(q: HsdsTaxonomiesQuery): HsdsPage<HsdsTaxonomy> {
	const found = hsdsTaxonomies().filter((t) => matches(q.search, t.name, t.description));
	return paginate(found, q.page, q.per_page);
}

export function hsdsTaxonomyById(id: string): HsdsTaxonomy | null {
	return hsdsTaxonomies().find((t) => t.id === id.toLowerCase()) ?? null;
}

/** `top_only` keeps every term (none has a parent); a `parent_id` finds none. */
export async function hsdsTaxonomyTermsPage(
	db: Db,
	q: HsdsTaxonomyTermsQuery
): Promise<HsdsPage<HsdsTaxonomyTermFull>> {
	const found = (await hsdsTaxonomyTerms(db))
		.filter((t) => !q.taxonomy_id || t.taxonomy_id === q.taxonomy_id.toLowerCase())
		.filter(() => !q.parent_id)
		.filter((t) => matches(q.search, t.code, t.name, t.description));
	return paginate(found, q.page, q.per_page);
}

export async function hsdsTaxonomyTermById(db: Db, id: string): Promise<HsdsTaxonomyTermFull | null> {
	return (await hsdsTaxonomyTerms(db)).find((t) => t.id === id.toLowerCase()) ?? null;
}
