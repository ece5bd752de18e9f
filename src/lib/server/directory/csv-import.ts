import { berlinDayStart } from '../../time/berlin';
import type { AuditActor } from '../audit/index';
import { transactNow, type Tx } from '../db/transaction';
import { type CsvRow, readCsvRows, UnreadableCsv } from '../platform/csv';
import { LAND_ISOS } from '../reference/index';
import { auditImport, type CommandContext, type CommandServices, replaceAreasAndTerms } from './commands';
import { firstServiceId, storedOrganizationKeys, termKeys } from './queries';
import {
	CONTACT_POINT_COSTS,
	CONTACT_POINT_KINDS,
	type ContactPointCost,
	contactPointKey,
	normalizeWebsite
} from './schema';
import { seedVerifier } from './seed';

/**
 * Import of contact points from a CSV in the format of the shipped `contact_points.csv`
 * (key,name,scope,land,kind,helps_with,topics,website,website_confirmed,cost,source_year).
 * Rows are matched by key: a known key is updated, an unknown one created. Unlike the HSDS
 * import, a bad row does not refuse the file: it is skipped and reported with its line number;
 * the preview (`dryRun`) shows exactly what the import will do. What the file does not carry
 * (e-mail, phone, the organisation's own description, the service's URL, "active") is kept
 * on update. A source year sets "last verified" (1 January, Berlin) the way the seed does;
 * without one the stored verification stays.
 */
export const CSV_COLUMNS = [
	'key',
	'name',
	'scope',
	'land',
	'kind',
	'helps_with',
	'topics',
	'website',
	'website_confirmed',
	'cost',
	'source_year'
] as const;

/** A problem as a catalogue key (i18n/catalogue/directory-import.ts) with its parameters. */
export interface CsvProblem {
	message: string;
	params?: Record<string, string>;
}

export interface CsvSkipped {
	line: number;
	key: string;
	problems: CsvProblem[];
}

export interface CsvPlan {
	created: string[];
	updated: string[];
	skipped: CsvSkipped[];
}

export type CsvImportResult = { ok: true; plan: CsvPlan } | { ok: false; problems: CsvProblem[] };

interface Row {
	line: number;
	key: string;
	name: string;
	description: string;
	kind: (typeof CONTACT_POINT_KINDS)[number];
	cost: ContactPointCost | null;
	website: string | null;
	scope: 'bund' | 'land';
	land: string | null;
	topics: string[];
	year: string | null;
}

export const MAX_CSV_ROWS = 5000;

function costOf(value: string): ContactPointCost | null {
	if (value === '') return null;
	return (CONTACT_POINT_COSTS as readonly string[]).includes(value) ? (value as ContactPointCost) : 'mixed';
}

type Parsed = { ok: true; rows: Row[]; skipped: CsvSkipped[] } | { ok: false; problems: CsvProblem[] };
type Header = string[];

function parse(text: string, known: { topics: Set<string> }): Parsed {
	const read = readRecords(text);
	if (!read.ok) return read;
	const { header, records } = read;
	const rows: Row[] = [];
	const skipped: CsvSkipped[] = [];
	const seen = new Map<string, number>();
	for (const rec of records.slice(1)) {
		const checked = checkRecord(rec, header, known, seen);
		if ('problems' in checked) {
			skipped.push(checked);
			continue;
		}
		seen.set(checked.key, rec.line);
		rows.push(checked);
	}
	return { ok: true, rows, skipped };
}

/** The file as records with its header; a problem refuses the whole file. */
function readRecords(
	text: string
): { ok: true; header: Header; records: CsvRow[] } | { ok: false; problems: CsvProblem[] } {
	let records: CsvRow[];
	try {
		records = readCsvRows(text);
	} catch (e) {
		if (!(e instanceof UnreadableCsv)) throw e;
		return {
			ok: false,
			problems: [{ message: 'directoryImport.error.csv', params: { line: String(e.line) } }]
		};
	}
	const header = records[0]?.fields.map((h) => h.trim());
	if (!header) return { ok: false, problems: [{ message: 'directoryImport.error.empty' }] };
	const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
	if (missing.length > 0)
		return {
			ok: false,
			problems: [{ message: 'directoryImport.error.columns', params: { columns: missing.join(', ') } }]
		};
	if (records.length - 1 > MAX_CSV_ROWS)
		return {
			ok: false,
			problems: [{ message: 'directoryImport.error.tooMany', params: { max: String(MAX_CSV_ROWS) } }]
		};
	return { ok: true, header, records };
}

/** One record as a row to write, or every problem it has (a bad row is skipped, not the file). */
function checkRecord(
	rec: CsvRow,
	header: Header,
	known: { topics: Set<string> },
	seen: Map<string, number>
): Row | CsvSkipped {
	const v = (name: (typeof CSV_COLUMNS)[number]) => (rec.fields[header.indexOf(name)] ?? '').trim();
	const problems: CsvProblem[] = [];
	const keyParsed = contactPointKey().safeParse(v('key'));
	const key = keyParsed.success ? keyParsed.data : v('key');
	if (!keyParsed.success)
		problems.push({ message: 'directoryImport.error.key', params: { value: v('key') } });
	else if (seen.has(key))
		problems.push({ message: 'directoryImport.error.duplicate', params: { line: String(seen.get(key)) } });
	const name = v('name');
	if (name === '') problems.push({ message: 'directoryImport.error.name' });
	if (name.length > 200 || v('helps_with').length > 2000)
		problems.push({ message: 'directoryImport.error.tooLong' });
	const scope = v('scope');
	if (scope !== 'bund' && scope !== 'land')
		problems.push({ message: 'directoryImport.error.scope', params: { value: scope } });
	const land = v('land');
	if (scope === 'land' && !(LAND_ISOS as readonly string[]).includes(land))
		problems.push({ message: 'directoryImport.error.land', params: { value: land } });
	if (scope === 'bund' && land !== '') problems.push({ message: 'directoryImport.error.landForBund' });
	const kind = v('kind');
	if (!(CONTACT_POINT_KINDS as readonly string[]).includes(kind))
		problems.push({ message: 'directoryImport.error.kind', params: { value: kind } });
	const topics = v('topics').split(/\s+/).filter(Boolean);
	const unknown = topics.filter((tk) => !known.topics.has(tk));
	if (unknown.length > 0)
		problems.push({ message: 'directoryImport.error.topic', params: { value: unknown.join(', ') } });
	const websiteRaw = v('website');
	const website = websiteRaw === '' ? null : normalizeWebsite(websiteRaw);
	if (websiteRaw !== '' && website === null)
		problems.push({ message: 'directoryImport.error.website', params: { value: websiteRaw } });
	const year = v('source_year');
	if (year !== '' && !/^(19|20)\d{2}$/.test(year))
		problems.push({ message: 'directoryImport.error.year', params: { value: year } });
	if (problems.length > 0) return { line: rec.line, key, problems };
	return {
		line: rec.line,
		key,
		name,
		description: v('helps_with'),
		kind: kind as Row['kind'],
		cost: costOf(v('cost')),
		website,
		scope: scope as 'bund' | 'land',
		land: scope === 'land' ? land : null,
		topics,
		year: year === '' ? null : year
	};
}

type ServiceValues = Pick<Row, 'name' | 'description' | 'kind' | 'cost'>;
type Verified = { last_verified_at?: number; last_verified_by?: string };

async function write(trx: Tx, r: Row, t: number): Promise<'created' | 'updated'> {
	const verified: Verified = r.year
		? { last_verified_at: berlinDayStart(`${r.year}-01-01`), last_verified_by: seedVerifier(r.year) }
		: {};
	const existing = await trx
		.selectFrom('cp_organization')
		.select('id')
		.where('key', '=', r.key)
		.executeTakeFirst();
	const service = { name: r.name, description: r.description, kind: r.kind, cost: r.cost };
	const serviceId = existing
		? await updateOrganisation(trx, Number(existing.id), r, service, verified, t)
		: await createOrganisation(trx, r, service, verified, t);
	// Sub-markets are not in the CSV: keep the stored ones.
	const subs = await trx
		.selectFrom('cp_service_taxonomy')
		.select('term_key')
		.where('service_id', '=', serviceId)
		.where('vocabulary', '=', 'submarket')
		.execute();
	await replaceAreasAndTerms(trx, serviceId, {
		scope: r.scope,
		laender: r.land ? [r.land] : [],
		topics: r.topics,
		submarkets: subs.map((s) => s.term_key)
	});
	return existing ? 'updated' : 'created';
}

/** What the file does not carry (e-mail, phone, descriptions, URL, "active") stays; returns the service id. */
async function updateOrganisation(
	trx: Tx,
	orgId: number,
	r: Row,
	service: ServiceValues,
	verified: Verified,
	t: number
): Promise<number> {
	await trx
		.updateTable('cp_organization')
		.set({
			name: r.name,
			website: r.website,
			is_advocacy: r.kind === 'verband' ? 1 : 0,
			...verified,
			updated_at: t
		})
		.where('id', '=', orgId)
		.execute();
	const serviceId = await firstServiceId(trx, orgId);
	if (serviceId !== null) {
		await trx.updateTable('cp_service').set(service).where('id', '=', serviceId).execute();
		return serviceId;
	}
	return Number(
		(
			await trx
				.insertInto('cp_service')
				.values({ organization_id: orgId, ...service, url: null, active: 1 })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id
	);
}

/** Returns the new service's id. */
async function createOrganisation(
	trx: Tx,
	r: Row,
	service: ServiceValues,
	verified: Verified,
	t: number
): Promise<number> {
	const org = await trx
		.insertInto('cp_organization')
		.values({
			key: r.key,
			name: r.name,
			description: '',
			website: r.website,
			email: null,
			phone: null,
			is_advocacy: r.kind === 'verband' ? 1 : 0,
			last_verified_at: null,
			last_verified_by: null,
			...verified,
			created_at: t,
			updated_at: t
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(
		(
			await trx
				.insertInto('cp_service')
				.values({ organization_id: Number(org.id), ...service, url: null, active: 1 })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id
	);
}

/**
 * Checks a CSV and, unless `dryRun`, imports its good rows in one transaction with one audit
 * row ('directory.imported', format csv). The plan is the same either way, so what the preview
 * showed is what the import does (unless someone changed the directory in between).
 */
export async function importContactPointsCsv(
	services: CommandServices,
	actor: AuditActor,
	text: string,
	ctx: CommandContext = {},
	options: { dryRun?: boolean } = {}
): Promise<CsvImportResult> {
	return transactNow(services, async (trx, now) => {
		const t = now.getTime();
		const parsed = parse(text, await termKeys(trx));
		if (!parsed.ok) return parsed;
		const plan: CsvPlan = { created: [], updated: [], skipped: parsed.skipped };
		if (options.dryRun) {
			const keys = parsed.rows.map((r) => r.key);
			const stored = await storedOrganizationKeys(trx, keys);
			for (const k of keys) (stored.has(k) ? plan.updated : plan.created).push(k);
			return { ok: true as const, plan };
		}
		for (const r of parsed.rows) {
			const outcome = await write(trx, r, t);
			(outcome === 'created' ? plan.created : plan.updated).push(r.key);
		}
		await auditImport(
			trx,
			actor,
			{ now, requestId: ctx.requestId },
			{
				format: 'csv',
				created: plan.created.length,
				updated: plan.updated.length,
				skipped: plan.skipped.length
			}
		);
		return { ok: true as const, plan };
	});
}
