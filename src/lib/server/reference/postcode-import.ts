import { type AuditActor, recordAudit, systemActor } from '../audit/index';
import { type Db, transact } from '../db/transaction';
import { type CsvRow, readCsvRows, UnreadableCsv } from '../platform/csv';
import { countAmbiguousPostcodes, listLaender } from './queries';

/**
 * Imports the OpenStreetMap-derived `zuordnung_plz_ort.csv` (header
 * `osm_id,ags,ort,plz,landkreis,bundesland`; ODbL, so pages that use it show
 * "© OpenStreetMap contributors"). Rows only add suggestions (source 'osm'); rows already
 * present, from the built-in table or an earlier import, are skipped, so a re-run is harmless.
 */
export interface PostcodeImportResult {
	/** Data rows read (header excluded). */
	rows: number;
	inserted: number;
	/** Duplicates within the file or of rows already stored. */
	skipped: number;
	/** Distinct postcodes that now lie in two or more Länder. */
	ambiguous: number;
	errors: { line: number; reason: string }[];
}

export interface PostcodeImportOptions {
	now: Date;
	onProgress?: (done: number, total: number) => void;
	/** Rows per insert statement and transaction (default 500). */
	batchSize?: number;
	/** Who ran it, for the audit row (default: system, i.e. the CLI). */
	actor?: AuditActor;
	/** At most this many errors are listed; the rest are only counted in `rows`. */
	maxErrors?: number;
}

/**
 * Spreadsheet tools drop leading zeros: plz 1067 is 01067, ags 8415088 is 08415088. A full
 * AGS has 8 digits (Kreis 5, Land 2), so one digit short of those lengths lost its zero.
 */
export function normaliseAgs(raw: string): string | null {
	const v = raw.trim();
	if (!/^\d{1,8}$/.test(v)) return null;
	const padded = v.length === 1 || v.length === 4 || v.length === 7 ? `0${v}` : v;
	return padded.length >= 2 ? padded : null;
}

export function normalisePlz(raw: string): string | null {
	const v = raw.trim();
	if (!/^\d{1,5}$/.test(v)) return null;
	const padded = v.padStart(5, '0');
	return padded === '00000' ? null : padded;
}

type Pending = { plz: string; land_iso: string; place: string; source: 'osm' };
type Columns = { ags: number; ort: number; plz: number; land: number };
type ReportError = (line: number, reason: string) => void;
type LandOf = (ags: string | null, bundesland: string) => string | undefined;

export async function importPostcodes(
	db: Db,
	text: string,
	options: PostcodeImportOptions
): Promise<PostcodeImportResult> {
	const batchSize = Math.max(1, options.batchSize ?? 500);
	const maxErrors = options.maxErrors ?? 1000;
	const result: PostcodeImportResult = { rows: 0, inserted: 0, skipped: 0, ambiguous: 0, errors: [] };
	const error: ReportError = (line, reason) => {
		if (result.errors.length < maxErrors) result.errors.push({ line, reason });
	};

	const table = readTable(text, error);
	if (!table) return result;
	result.rows = table.rows.length;
	if (!table.col) return result;

	const landOf = await landLookup(db);
	await insertRows(db, table.rows, table.col, landOf, result, error, { ...options, batchSize });

	result.ambiguous = await countAmbiguousPostcodes(db);
	await auditImport(db, result, options);
	return result;
}

/** The data rows and the columns they are read by; no columns when the header lacks one; null when unreadable. */
function readTable(text: string, error: ReportError): { rows: CsvRow[]; col: Columns | null } | null {
	let records: CsvRow[];
	try {
		records = readCsvRows(text);
	} catch (e) {
		if (!(e instanceof UnreadableCsv)) throw e;
		error(e.line, 'not readable as CSV: a quotation mark is not closed');
		return null;
	}
	const [header, ...rows] = records;
	if (!header) return { rows, col: null };
	const column = (name: string) => header.fields.findIndex((h) => h.trim().toLowerCase() === name);
	const col = { ags: column('ags'), ort: column('ort'), plz: column('plz'), land: column('bundesland') };
	if (col.ags < 0 || col.plz < 0 || col.ort < 0) {
		error(
			header.line,
			'header must name the columns ags, ort and plz (osm_id,ags,ort,plz,landkreis,bundesland)'
		);
		return { rows, col: null };
	}
	return { rows, col };
}

/** The Land comes from the AGS; the bundesland column only fills in when the AGS does not name one. */
async function landLookup(db: Db): Promise<LandOf> {
	const laender = await listLaender(db);
	const byAgs = new Map(laender.map((l) => [l.ags, l.iso]));
	const byName = new Map(laender.map((l) => [l.name.toLowerCase(), l.iso]));
	return (ags, bundesland) =>
		(ags ? byAgs.get(ags.slice(0, 2)) : undefined) ?? byName.get(bundesland.toLowerCase());
}

/** One data row as a postcode to add, or the reason it is not one. */
function pendingOf(row: CsvRow, col: Columns, landOf: LandOf): Pending | string {
	const f = (i: number) => (i >= 0 ? (row.fields[i] ?? '').trim() : '');
	const plz = normalisePlz(f(col.plz));
	const ags = normaliseAgs(f(col.ags));
	const place = f(col.ort).slice(0, 200);
	const land = landOf(ags, f(col.land));
	if (!plz) return `plz is not a postcode: '${f(col.plz)}'`;
	if (!land) return `no Land for ags '${f(col.ags)}'`;
	return { plz, land_iso: land, place, source: 'osm' };
}

/** A row repeated within the file is skipped before it reaches the database, a stored one by the unique key. */
async function insertRows(
	db: Db,
	rows: CsvRow[],
	col: Columns,
	landOf: LandOf,
	result: PostcodeImportResult,
	error: ReportError,
	options: { batchSize: number; onProgress?: (done: number, total: number) => void }
): Promise<void> {
	const { batchSize } = options;
	const seen = new Set<string>();
	let batch: Pending[] = [];
	let done = 0;
	const flush = async () => {
		if (batch.length === 0) return;
		const values = batch;
		batch = [];
		const inserted = await transact(db, (trx) =>
			trx
				.insertInto('postcode')
				.values(values)
				.onConflict((oc) => oc.columns(['plz', 'land_iso', 'place']).doNothing())
				.returning('id')
				.execute()
		);
		result.inserted += inserted.length;
		result.skipped += values.length - inserted.length;
	};

	for (const row of rows) {
		done++;
		const pending = pendingOf(row, col, landOf);
		if (typeof pending === 'string') error(row.line, pending);
		else {
			const key = `${pending.plz}|${pending.land_iso}|${pending.place}`;
			if (seen.has(key)) result.skipped++;
			else {
				seen.add(key);
				batch.push(pending);
			}
		}
		if (batch.length >= batchSize) await flush();
		if (done % batchSize === 0) options.onProgress?.(done, rows.length);
	}
	await flush();
	if (rows.length % batchSize !== 0 || rows.length === 0) options.onProgress?.(rows.length, rows.length);
}

async function auditImport(
	db: Db,
	result: PostcodeImportResult,
	options: PostcodeImportOptions
): Promise<void> {
	await transact(db, (trx) =>
		recordAudit(
			trx,
			options.actor ?? systemActor,
			{
				action: 'reference.postcodes.imported',
				subject: { kind: 'postcode' },
				data: {
					rows: result.rows,
					inserted: result.inserted,
					skipped: result.skipped,
					errors: result.rows - result.inserted - result.skipped,
					ambiguous: result.ambiguous
				}
			},
			{ now: options.now }
		)
	);
}
