import { createHash } from 'node:crypto';
import { type MessageKey, translate } from '../../i18n/messages';
import { berlinDate } from '../../time/berlin';
import type { Db, Tx } from '../db/transaction';
import type {
	HsdsAttribute,
	HsdsService,
	HsdsServiceArea,
	HsdsServiceListItem,
	HsdsTaxonomyTerm
} from './hsds-schema';
import type { ContactPoint } from './queries';

/**
 * Our contact points in the shape of Open Referral HSDS 3.0. Our vocabularies are taxonomies
 * named `kreativlotse-*`; an entry's key travels as an organization identifier, and every id is
 * a name-based UUID of that key, so exports are stable and an import is idempotent by key.
 * Fields without a value are left out (the official schemas allow only strings there).
 */
export const NS = 'kreativlotse';
export const TAXONOMY = {
	topic: `${NS}-topic`,
	submarket: `${NS}-submarket`,
	kind: `${NS}-kind`,
	cost: `${NS}-cost`,
	advocacy: `${NS}-advocacy`
} as const;

/** A deterministic UUID (version 5 layout over SHA-1) for one of our objects. */
export function stableUuid(...parts: string[]): string {
	const h = createHash('sha1')
		.update([NS, ...parts].join(':'))
		.digest();
	h[6] = (h[6]! & 0x0f) | 0x50;
	h[8] = (h[8]! & 0x3f) | 0x80;
	const x = h.subarray(0, 16).toString('hex');
	return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export const taxonomyUuid = (taxonomy: string) => stableUuid('taxonomy', taxonomy);
export const serviceUuid = (key: string) => stableUuid('service', key);
export const organizationUuid = (key: string) => stableUuid('organization', key);

export type Names = {
	topics: Map<string, string>;
	submarkets: Map<string, string>;
	laender: Map<string, string>;
};

/** The German names of our vocabularies' terms (HSDS wants a name and description per term). */
export async function hsdsNames(db: Db | Tx): Promise<Names> {
	const [topics, submarkets, laender] = await Promise.all([
		db.selectFrom('topic').select(['key', 'name_de']).execute(),
		db.selectFrom('submarket').select(['key', 'name_de']).execute(),
		db.selectFrom('land').select(['iso', 'name']).execute()
	]);
	return {
		topics: new Map(topics.map((t) => [t.key, t.name_de])),
		submarkets: new Map(submarkets.map((s) => [s.key, s.name_de])),
		laender: new Map(laender.map((l) => [l.iso, l.name]))
	};
}

/** Term names are German, as the data (`language: 'de'`), from the catalogue the pages use. */
const termName = (key: MessageKey) => translate('de', key);

/** One term of our vocabularies, the same in a service's attributes and under /taxonomy_terms. */
export function hsdsTerm(taxonomy: string, code: string, name: string): HsdsTaxonomyTerm {
	return {
		id: stableUuid('term', taxonomy, code),
		code,
		name,
		description: name,
		taxonomy,
		taxonomy_id: taxonomyUuid(taxonomy),
		language: 'de'
	};
}

export const kindTermName = (kind: ContactPoint['kind']) => termName(`directory.kind.${kind}`);
export const costTermName = (cost: NonNullable<ContactPoint['cost']>) => termName(`directory.cost.${cost}`);
export const ADVOCACY_TERM = { code: 'advocacy', name: 'Interessenvertretung' } as const;

function attribute(serviceId: string, taxonomy: string, code: string, name: string): HsdsAttribute {
	const term = hsdsTerm(taxonomy, code, name);
	return {
		id: stableUuid('attribute', serviceId, taxonomy, code),
		link_id: serviceId,
		link_type: 'service',
		link_entity: 'service',
		taxonomy_term_id: term.id,
		taxonomy_term: term
	};
}

const present = <K extends string>(key: K, value: string | null | undefined) =>
	(value ? { [key]: value } : {}) as Partial<Record<K, string>>;

/** The one-to-one fields: what `/services` lists. `assurer_email` only where `withAssurer`. */
export function toHsdsListItem(c: ContactPoint, options: { withAssurer: boolean }): HsdsServiceListItem {
	const orgId = organizationUuid(c.key);
	return {
		id: serviceUuid(c.key),
		organization_id: orgId,
		name: c.name,
		description: c.description,
		...present('url', c.serviceUrl),
		status: c.active ? 'active' : 'inactive',
		...present('assured_date', c.lastVerifiedAt === null ? null : berlinDate(new Date(c.lastVerifiedAt))),
		...(options.withAssurer && c.lastVerifiedBy?.includes('@') ? { assurer_email: c.lastVerifiedBy } : {}),
		last_modified: new Date(c.updatedAt).toISOString(),
		organization: {
			id: orgId,
			name: c.name,
			description: c.organizationDescription,
			...present('email', c.email),
			...present('website', c.website)
		}
	};
}

/** The fully nested service: organisation with phones and identifiers, areas, taxonomy terms. */
export function toHsdsService(c: ContactPoint, n: Names, options: { withAssurer: boolean }): HsdsService {
	const item = toHsdsListItem(c, options);
	const serviceId = item.id;
	const orgId = item.organization_id;
	const area = (extent: string, name: string): HsdsServiceArea => ({
		id: stableUuid('area', c.key, extent),
		service_id: serviceId,
		name,
		extent,
		extent_type: 'text'
	});
	const areas =
		c.scope === 'bund'
			? [area('DE', 'Deutschland')]
			: c.laender.map((iso) => area(iso, n.laender.get(iso) ?? iso));
	const attributes = [
		attribute(serviceId, TAXONOMY.kind, c.kind, kindTermName(c.kind)),
		...(c.cost ? [attribute(serviceId, TAXONOMY.cost, c.cost, costTermName(c.cost))] : []),
		...(c.advocacy ? [attribute(serviceId, TAXONOMY.advocacy, ADVOCACY_TERM.code, ADVOCACY_TERM.name)] : []),
		...c.topics.map((k) => attribute(serviceId, TAXONOMY.topic, k, n.topics.get(k) ?? k)),
		...c.submarkets.map((k) => attribute(serviceId, TAXONOMY.submarket, k, n.submarkets.get(k) ?? k))
	];
	return {
		...item,
		organization: {
			...item.organization,
			phones: c.phone ? [{ id: stableUuid('phone', c.key), organization_id: orgId, number: c.phone }] : [],
			organization_identifiers: [
				{
					id: stableUuid('identifier', c.key),
					organization_id: orgId,
					identifier_scheme: NS,
					identifier_type: 'key',
					identifier: c.key
				}
			]
		},
		service_areas: areas,
		attributes
	};
}

export const byKey = (a: ContactPoint, b: ContactPoint) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
