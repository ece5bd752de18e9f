import { createHash } from 'node:crypto';
import { z } from 'zod';
import { berlinDayStart, isIsoDay } from '../../format/datetime';
import { type AuditActor, recordAudit } from '../audit/record';
import { transact } from '../db/transaction';
import { berlinDate } from '../reference/rules';
import { replaceAreasAndTerms } from './commands';
import type { CommandContext, CommandServices } from './commands';
import { type ContactPoint, listContactPoints, termKeys } from './queries';
import { CONTACT_POINT_COSTS, CONTACT_POINT_KINDS, contactPointKey } from './schema';
import type { Db, Tx } from '../db/transaction';

/**
 * Export and import in the shape of the Open Referral HSDS 3 API's `/services` response: a page
 * of services, each with its organization, service_areas and attributes (taxonomy terms). Our
 * vocabularies are taxonomies named `kreativlotse-*`; an entry's key travels as an organization
 * identifier, and every id is a name-based UUID of that key, so exports are stable and an
 * import is idempotent by key.
 */
const NS = 'kreativlotse';
const TAXONOMY = {
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

export interface HsdsTaxonomyTerm {
	id: string;
	code: string;
	name: string;
	description: string | null;
	taxonomy: string;
	language: string;
}

export interface HsdsAttribute {
	id: string;
	link_id: string;
	link_type: string;
	link_entity: 'service';
	taxonomy_term_id: string;
	value: string | null;
	taxonomy_term: HsdsTaxonomyTerm;
}

export interface HsdsServiceArea {
	id: string;
	service_id: string;
	name: string;
	description: string | null;
	extent: string;
	extent_type: 'text';
	uri: string | null;
}

export interface HsdsOrganization {
	id: string;
	name: string;
	description: string;
	email: string | null;
	website: string | null;
	phones: { id: string; organization_id: string; number: string }[];
	identifiers: {
		id: string;
		organization_id: string;
		identifier_scheme: string;
		identifier_type: string;
		identifier: string;
	}[];
}

export interface HsdsService {
	id: string;
	organization_id: string;
	name: string;
	description: string;
	url: string | null;
	status: 'active' | 'inactive';
	assured_date: string | null;
	assurer_email: string | null;
	organization: HsdsOrganization;
	service_areas: HsdsServiceArea[];
	attributes: HsdsAttribute[];
}

export interface HsdsServicePage {
	total_items: number;
	total_pages: number;
	page_number: number;
	size: number;
	first_page: boolean;
	last_page: boolean;
	empty: boolean;
	contents: HsdsService[];
}

type Names = { topics: Map<string, string>; submarkets: Map<string, string>; laender: Map<string, string> };

async function names(db: Db | Tx): Promise<Names> {
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

function attribute(serviceId: string, taxonomy: string, code: string, name: string): HsdsAttribute {
	const termId = stableUuid('term', taxonomy, code);
	return {
		id: stableUuid('attribute', serviceId, taxonomy, code),
		link_id: serviceId,
		link_type: 'service',
		link_entity: 'service',
		taxonomy_term_id: termId,
		value: null,
		taxonomy_term: { id: termId, code, name, description: null, taxonomy, language: 'de' }
	};
}

export function toHsdsService(c: ContactPoint, n: Names): HsdsService {
	const orgId = stableUuid('organization', c.key);
	const serviceId = stableUuid('service', c.key);
	const areas: HsdsServiceArea[] =
		c.scope === 'bund'
			? [
					{
						id: stableUuid('area', c.key, 'DE'),
						service_id: serviceId,
						name: 'Deutschland',
						description: null,
						extent: 'DE',
						extent_type: 'text',
						uri: null
					}
				]
			: c.laender.map((iso) => ({
					id: stableUuid('area', c.key, iso),
					service_id: serviceId,
					name: n.laender.get(iso) ?? iso,
					description: null,
					extent: iso,
					extent_type: 'text' as const,
					uri: null
				}));
	const attributes = [
		attribute(serviceId, TAXONOMY.kind, c.kind, c.kind),
		...(c.cost ? [attribute(serviceId, TAXONOMY.cost, c.cost, c.cost)] : []),
		...(c.advocacy ? [attribute(serviceId, TAXONOMY.advocacy, 'advocacy', 'Interessenvertretung')] : []),
		...c.topics.map((k) => attribute(serviceId, TAXONOMY.topic, k, n.topics.get(k) ?? k)),
		...c.submarkets.map((k) => attribute(serviceId, TAXONOMY.submarket, k, n.submarkets.get(k) ?? k))
	];
	return {
		id: serviceId,
		organization_id: orgId,
		name: c.name,
		description: c.description,
		url: c.serviceUrl,
		status: c.active ? 'active' : 'inactive',
		assured_date: c.lastVerifiedAt === null ? null : berlinDate(new Date(c.lastVerifiedAt)),
		assurer_email: c.lastVerifiedBy?.includes('@') ? c.lastVerifiedBy : null,
		organization: {
			id: orgId,
			name: c.name,
			description: c.organizationDescription,
			email: c.email,
			website: c.website,
			phones: c.phone ? [{ id: stableUuid('phone', c.key), organization_id: orgId, number: c.phone }] : [],
			identifiers: [
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

/** Every entry (inactive ones with status "inactive") as one HSDS page, sorted by key. */
export async function exportHsds(db: Db): Promise<HsdsServicePage> {
	const n = await names(db);
	const all = (await listContactPoints(db)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	const contents = all.map((c) => toHsdsService(c, n));
	return {
		total_items: contents.length,
		total_pages: 1,
		page_number: 1,
		size: contents.length,
		first_page: true,
		last_page: true,
		empty: contents.length === 0,
		contents
	};
}

export const HSDS_MAX_PER_PAGE = 200;

/**
 * One page of the public HSDS `/services` response (GET /api/v1/hsds/services): active entries
 * only, as on the public directory, sorted by key, and without `assurer_email` (that is a staff
 * member's e-mail; the full export with it stays on staff pages). `page` counts from 1; a page
 * past the end is an empty page with the right totals.
 */
export async function hsdsServicesPage(
	db: Db,
	options: { page: number; perPage: number }
): Promise<HsdsServicePage> {
	const n = await names(db);
	const perPage = Math.min(Math.max(1, Math.floor(options.perPage)), HSDS_MAX_PER_PAGE);
	const page = Math.max(1, Math.floor(options.page));
	const all = (await listContactPoints(db, { activeOnly: true })).sort((a, b) =>
		a.key < b.key ? -1 : a.key > b.key ? 1 : 0
	);
	const totalPages = Math.max(1, Math.ceil(all.length / perPage));
	const contents = all
		.slice((page - 1) * perPage, page * perPage)
		.map((c) => ({ ...toHsdsService(c, n), assurer_email: null }));
	return {
		total_items: all.length,
		total_pages: totalPages,
		page_number: page,
		size: perPage,
		first_page: page === 1,
		last_page: page >= totalPages,
		empty: contents.length === 0,
		contents
	};
}

const termSchema = z.object({ code: z.string(), taxonomy: z.string() });
const serviceSchema = z.object({
	name: z.string().trim().min(1).max(200),
	description: z.string().max(2000).nullish(),
	url: z.string().max(300).nullish(),
	status: z.string().nullish(),
	assured_date: z.string().nullish(),
	assurer_email: z.string().max(254).nullish(),
	organization: z.object({
		name: z.string().trim().min(1).max(200),
		description: z.string().max(2000).nullish(),
		email: z.string().max(254).nullish(),
		website: z.string().max(300).nullish(),
		phones: z.array(z.object({ number: z.string().max(40) })).nullish(),
		identifiers: z.array(
			z.object({ identifier_scheme: z.string(), identifier_type: z.string(), identifier: z.string() })
		)
	}),
	service_areas: z.array(z.object({ extent: z.string().nullish() })).nullish(),
	attributes: z.array(z.object({ taxonomy_term: termSchema })).nullish()
});
const pageSchema = z.object({ contents: z.array(serviceSchema).max(5000) });

export type ImportResult = { ok: true; created: number; updated: number } | { ok: false; errors: string[] };

/**
 * Imports an HSDS services page. Entries are matched by their kreativlotse key (organization
 * identifier); a known key is updated, an unknown one created. Running it twice changes nothing
 * the second time. Unknown vocabulary terms or Länder refuse the whole import. `dryRun` checks
 * and counts without writing (the admin page's preview).
 */
export async function importHsds(
	services: CommandServices,
	actor: AuditActor,
	body: unknown,
	ctx: CommandContext = {},
	options: { dryRun?: boolean } = {}
): Promise<ImportResult> {
	const parsed = pageSchema.safeParse(body);
	if (!parsed.success)
		return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
	const now = services.clock.now();
	const t = now.getTime();
	return transact(services.db, async (trx) => {
		const known = await termKeys(trx);
		const laender = new Set((await trx.selectFrom('land').select('iso').execute()).map((l) => l.iso));
		const errors: string[] = [];
		const rows = parsed.data.contents.map((s, i) => {
			const at = `contents.${i}`;
			const keyId = s.organization.identifiers.find(
				(x) => x.identifier_scheme === NS && x.identifier_type === 'key'
			);
			const key = contactPointKey().safeParse(keyId?.identifier ?? '');
			if (!key.success) errors.push(`${at}: missing or invalid ${NS} key`);
			const terms = (s.attributes ?? []).map((a) => a.taxonomy_term);
			const codes = (taxonomy: string) => terms.filter((x) => x.taxonomy === taxonomy).map((x) => x.code);
			const kind = codes(TAXONOMY.kind)[0];
			if (!kind || !(CONTACT_POINT_KINDS as readonly string[]).includes(kind)) errors.push(`${at}: kind`);
			const cost = codes(TAXONOMY.cost)[0] ?? null;
			if (cost !== null && !(CONTACT_POINT_COSTS as readonly string[]).includes(cost))
				errors.push(`${at}: cost`);
			const topics = codes(TAXONOMY.topic);
			const submarkets = codes(TAXONOMY.submarket);
			if (topics.some((k) => !known.topics.has(k))) errors.push(`${at}: unknown topic`);
			if (submarkets.some((k) => !known.submarkets.has(k))) errors.push(`${at}: unknown submarket`);
			const extents = (s.service_areas ?? []).map((a) => a.extent ?? '');
			const national = extents.length === 0 || extents.includes('DE');
			if (!national && extents.some((e) => !laender.has(e))) errors.push(`${at}: unknown service area`);
			const assured = s.assured_date && isIsoDay(s.assured_date) ? berlinDayStart(s.assured_date) : null;
			return {
				key: key.success ? key.data : '',
				org: {
					name: s.organization.name,
					description: s.organization.description ?? '',
					website: s.organization.website ?? null,
					email: s.organization.email ?? null,
					phone: s.organization.phones?.[0]?.number ?? null,
					is_advocacy: codes(TAXONOMY.advocacy).length > 0 ? 1 : 0,
					last_verified_at: assured,
					last_verified_by: assured === null ? null : (s.assurer_email ?? 'HSDS-Import')
				},
				service: {
					name: s.name,
					description: s.description ?? '',
					kind: kind as (typeof CONTACT_POINT_KINDS)[number],
					cost: cost as (typeof CONTACT_POINT_COSTS)[number] | null,
					url: s.url ?? null,
					active: s.status === 'inactive' ? 0 : 1
				},
				areas: {
					scope: national ? ('bund' as const) : ('land' as const),
					laender: national ? [] : extents,
					topics,
					submarkets
				}
			};
		});
		if (errors.length > 0) return { ok: false, errors };
		if (options.dryRun) {
			// The preview of the admin import page: what an import would do, writing nothing.
			const keys = rows.map((r) => r.key);
			const stored = new Set(
				keys.length === 0
					? []
					: (await trx.selectFrom('cp_organization').select('key').where('key', 'in', keys).execute()).map(
							(o) => o.key
						)
			);
			const existing = keys.filter((k) => stored.has(k)).length;
			return { ok: true, created: keys.length - existing, updated: existing };
		}
		let created = 0;
		let updated = 0;
		for (const r of rows) {
			const existing = await trx
				.selectFrom('cp_organization')
				.select('id')
				.where('key', '=', r.key)
				.executeTakeFirst();
			let serviceId: number;
			if (existing) {
				const orgId = Number(existing.id);
				await trx
					.updateTable('cp_organization')
					.set({ ...r.org, updated_at: t })
					.where('id', '=', orgId)
					.execute();
				const svc = await trx
					.selectFrom('cp_service')
					.select('id')
					.where('organization_id', '=', orgId)
					.orderBy('id')
					.executeTakeFirst();
				if (svc) {
					serviceId = Number(svc.id);
					await trx.updateTable('cp_service').set(r.service).where('id', '=', serviceId).execute();
				} else {
					serviceId = Number(
						(
							await trx
								.insertInto('cp_service')
								.values({ organization_id: orgId, ...r.service })
								.returning('id')
								.executeTakeFirstOrThrow()
						).id
					);
				}
				updated++;
			} else {
				const org = await trx
					.insertInto('cp_organization')
					.values({ key: r.key, ...r.org, created_at: t, updated_at: t })
					.returning('id')
					.executeTakeFirstOrThrow();
				serviceId = Number(
					(
						await trx
							.insertInto('cp_service')
							.values({ organization_id: Number(org.id), ...r.service })
							.returning('id')
							.executeTakeFirstOrThrow()
					).id
				);
				created++;
			}
			await replaceAreasAndTerms(trx, serviceId, r.areas);
		}
		await recordAudit(
			trx,
			actor,
			{
				action: 'directory.imported',
				subject: { kind: 'contact_point' },
				data: { format: 'hsds', created, updated }
			},
			{ now, requestId: ctx.requestId }
		);
		return { ok: true, created, updated };
	});
}
