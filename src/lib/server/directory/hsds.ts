import { z } from 'zod';
import { berlinDayStart, isIsoDay } from '../../time/berlin';
import type { AuditActor } from '../audit/index';
import { transactNow } from '../db/transaction';
import { auditImport, replaceAreasAndTerms } from './commands';
import type { CommandContext, CommandServices } from './commands';
import type { HsdsService, HsdsServicePage } from './hsds-schema';
import { byKey, hsdsNames, NS, TAXONOMY, toHsdsService } from './hsds-shape';
import { firstServiceId, listContactPoints, storedOrganizationKeys, termKeys } from './queries';
import { CONTACT_POINT_COSTS, CONTACT_POINT_KINDS, contactPointKey } from './schema';
import type { Db, Tx } from '../db/transaction';

/**
 * Export and import in the shape of the HSDS 3.0 `/services?full=true` answer: a page of fully
 * nested services (shapes in hsds-shape.ts). The import takes our own export and what other
 * HSDS 3 publishers serve: see importHsds.
 */
export { stableUuid } from './hsds-shape';
export { HSDS_MAX_PER_PAGE } from './hsds-schema';

/** Every entry (inactive ones with status "inactive"), with the assurer, as one page sorted by key. */
export async function exportHsds(db: Db): Promise<HsdsServicePage> {
	const n = await hsdsNames(db);
	const contents: HsdsService[] = (await listContactPoints(db))
		.sort(byKey)
		.map((c) => toHsdsService(c, n, { withAssurer: true }));
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

const termSchema = z.object({ code: z.string().nullish(), taxonomy: z.string().nullish() });
const identifierSchema = z.object({
	identifier_scheme: z.string().nullish(),
	identifier_type: z.string().nullish(),
	identifier: z.string()
});
const phonesSchema = z.array(z.object({ number: z.string().max(40) })).nullish();
const serviceSchema = z.object({
	id: z.string().max(100).nullish(),
	name: z.string().trim().min(1).max(200),
	description: z.string().max(2000).nullish(),
	url: z.string().max(300).nullish(),
	email: z.string().max(254).nullish(),
	status: z.string().nullish(),
	assured_date: z.string().nullish(),
	assurer_email: z.string().max(254).nullish(),
	phones: phonesSchema,
	organization: z.object({
		name: z.string().trim().min(1).max(200),
		description: z.string().max(2000).nullish(),
		email: z.string().max(254).nullish(),
		website: z.string().max(300).nullish(),
		phones: phonesSchema,
		organization_identifiers: z.array(identifierSchema).nullish(),
		/** What exports before HSDS conformance called `organization_identifiers`. */
		identifiers: z.array(identifierSchema).nullish()
	}),
	service_areas: z.array(z.object({ name: z.string().nullish(), extent: z.string().nullish() })).nullish(),
	attributes: z.array(z.object({ taxonomy_term: termSchema.nullish() })).nullish()
});
type ImportedService = z.output<typeof serviceSchema>;
/** A page (`/services`), a bare list, or one service (`/services/{id}`). */
const bodySchema = z.union([
	z.object({ contents: z.array(serviceSchema).max(5000) }),
	z
		.array(serviceSchema)
		.max(5000)
		.transform((contents) => ({ contents })),
	serviceSchema.transform((one) => ({ contents: [one] }))
]);

/**
 * The key of an entry: ours from the `kreativlotse` identifier, or for another publisher's
 * record one derived from its service id (so importing it again updates the same entry).
 */
function importKey(s: ImportedService): { key: string | null; ours: boolean } {
	const ids = [...(s.organization.organization_identifiers ?? []), ...(s.organization.identifiers ?? [])];
	const own = ids.find((x) => x.identifier_scheme === NS && x.identifier_type === 'key');
	if (own) {
		const key = contactPointKey().safeParse(own.identifier);
		return { key: key.success ? key.data : null, ours: true };
	}
	const hex = (s.id ?? '').toLowerCase().replace(/[^0-9a-f]/g, '');
	return { key: hex.length >= 12 ? `hsds-${hex.slice(0, 32)}` : null, ours: false };
}

export type ImportResult = { ok: true; created: number; updated: number } | { ok: false; errors: string[] };

/**
 * Imports HSDS 3 services (a page, a list or one service). Entries are matched by their
 * kreativlotse key (organization identifier) or, for other publishers' records, by a key derived
 * from the service id; a known key is updated, an unknown one created. Other publishers' terms
 * and unrecognised areas are left out (an entry without a known Land counts as national). Running it twice changes nothing
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
	const parsed = bodySchema.safeParse(body);
	if (!parsed.success)
		return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
	return transactNow(services, async (trx, now) => {
		const vocabulary = await readVocabulary(trx);
		const errors: string[] = [];
		const rows = parsed.data.contents.map((s, i) => toImportRow(s, `contents.${i}`, vocabulary, errors));
		if (errors.length > 0) return { ok: false, errors };
		if (options.dryRun) return previewImport(trx, rows);
		const { created, updated } = await writeEntries(trx, rows, now.getTime());
		await auditImport(trx, actor, { now, requestId: ctx.requestId }, { format: 'hsds', created, updated });
		return { ok: true, created, updated };
	});
}

interface Vocabulary {
	known: Awaited<ReturnType<typeof termKeys>>;
	laender: Set<string>;
	landOf: (text: string | null | undefined) => string | null;
}

async function readVocabulary(trx: Tx): Promise<Vocabulary> {
	const known = await termKeys(trx);
	const lands = await trx.selectFrom('land').select(['iso', 'name']).execute();
	const laender = new Set(lands.map((l) => l.iso));
	// Other publishers name areas in words: a Land's name counts as that Land.
	const landOf = (text: string | null | undefined) => {
		const t = text?.trim().toLowerCase();
		if (!t) return null;
		if (t === 'deutschland' || t === 'germany') return 'DE';
		return lands.find((l) => l.iso.toLowerCase() === t || l.name.toLowerCase() === t)?.iso ?? null;
	};
	return { known, laender, landOf };
}

type ImportRow = ReturnType<typeof toImportRow>;

/** One service as our entry's rows; what does not fit our vocabulary goes to `errors` under `at`. */
function toImportRow(s: ImportedService, at: string, vocabulary: Vocabulary, errors: string[]) {
	const { known, laender, landOf } = vocabulary;
	const { key, ours } = importKey(s);
	if (key === null) errors.push(`${at}: missing or invalid ${NS} key and no service id`);
	const terms = (s.attributes ?? []).flatMap((a) => (a.taxonomy_term ? [a.taxonomy_term] : []));
	const codes = (taxonomy: string) =>
		terms.filter((x) => x.taxonomy === taxonomy && x.code).map((x) => x.code!);
	// Another publisher's record has no kind of ours: it counts as advice (Beratung).
	const kind = codes(TAXONOMY.kind)[0] ?? (ours ? undefined : 'beratung');
	if (!kind || !(CONTACT_POINT_KINDS as readonly string[]).includes(kind)) errors.push(`${at}: kind`);
	const cost = codes(TAXONOMY.cost)[0] ?? null;
	if (cost !== null && !(CONTACT_POINT_COSTS as readonly string[]).includes(cost)) errors.push(`${at}: cost`);
	const topics = codes(TAXONOMY.topic);
	const submarkets = codes(TAXONOMY.submarket);
	if (topics.some((k) => !known.topics.has(k))) errors.push(`${at}: unknown topic`);
	if (submarkets.some((k) => !known.submarkets.has(k))) errors.push(`${at}: unknown submarket`);
	const areas = (s.service_areas ?? []).map((a) => landOf(a.extent) ?? landOf(a.name) ?? a.extent ?? '');
	const extents = ours ? areas : areas.filter((e) => e === 'DE' || laender.has(e));
	const national = extents.length === 0 || extents.includes('DE');
	if (!national && extents.some((e) => !laender.has(e))) errors.push(`${at}: unknown service area`);
	const assured = s.assured_date && isIsoDay(s.assured_date) ? berlinDayStart(s.assured_date) : null;
	return {
		key: key ?? '',
		org: {
			name: s.organization.name,
			description: s.organization.description ?? '',
			website: s.organization.website ?? null,
			email: s.organization.email ?? s.email ?? null,
			phone: s.organization.phones?.[0]?.number ?? s.phones?.[0]?.number ?? null,
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
			active: !s.status || s.status === 'active' ? 1 : 0
		},
		areas: {
			scope: national ? ('bund' as const) : ('land' as const),
			laender: national ? [] : extents,
			topics,
			submarkets
		}
	};
}

/** The preview of the admin import page: what an import would do, writing nothing. */
async function previewImport(trx: Tx, rows: ImportRow[]): Promise<ImportResult> {
	const keys = rows.map((r) => r.key);
	const stored = await storedOrganizationKeys(trx, keys);
	const existing = keys.filter((k) => stored.has(k)).length;
	return { ok: true, created: keys.length - existing, updated: existing };
}

/** A known key updates its entry, an unknown one creates it; `t` stamps the organisation rows. */
async function writeEntries(
	trx: Tx,
	rows: ImportRow[],
	t: number
): Promise<{ created: number; updated: number }> {
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
			serviceId = await updateEntry(trx, Number(existing.id), r, t);
			updated++;
		} else {
			serviceId = await createEntry(trx, r, t);
			created++;
		}
		await replaceAreasAndTerms(trx, serviceId, r.areas);
	}
	return { created, updated };
}

/** An entry holds one service: the first one is updated, or added if it went missing. */
async function updateEntry(trx: Tx, orgId: number, r: ImportRow, t: number): Promise<number> {
	await trx
		.updateTable('cp_organization')
		.set({ ...r.org, updated_at: t })
		.where('id', '=', orgId)
		.execute();
	const serviceId = await firstServiceId(trx, orgId);
	if (serviceId === null) return insertService(trx, orgId, r.service);
	await trx.updateTable('cp_service').set(r.service).where('id', '=', serviceId).execute();
	return serviceId;
}

async function createEntry(trx: Tx, r: ImportRow, t: number): Promise<number> {
	const org = await trx
		.insertInto('cp_organization')
		.values({ key: r.key, ...r.org, created_at: t, updated_at: t })
		.returning('id')
		.executeTakeFirstOrThrow();
	return insertService(trx, Number(org.id), r.service);
}

async function insertService(trx: Tx, orgId: number, service: ImportRow['service']): Promise<number> {
	const row = await trx
		.insertInto('cp_service')
		.values({ organization_id: orgId, ...service })
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(row.id);
}
