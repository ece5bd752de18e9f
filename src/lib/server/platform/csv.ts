import { CsvError, parse } from 'csv-parse/sync';

/**
 * CSV in and out. Every export (statistics, attendance lists) is written here, so every one
 * carries the formula guard; every import (postcodes, contact points, shipped reference data) is
 * read by csv-parse rather than a parser of our own.
 */

export type CsvValue = string | number | null;

export interface CsvWriteOptions {
	separator: ',' | ';';
	/** 'always' quotes every field; 'when-needed' only those with a quote, separator or line break. */
	quote: 'always' | 'when-needed';
}

/**
 * A spreadsheet runs a cell that begins with = + - @ (or a tab or CR before them) as a formula:
 * a name like "=HYPERLINK(…)" typed into a form would act when staff open the export (CSV
 * injection). An apostrophe in front makes the spreadsheet show it as text.
 */
export function neutraliseFormula(text: string): string {
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function field(value: CsvValue, options: CsvWriteOptions): string {
	let s: string;
	if (value === null) s = '';
	// A number is never a formula; with semicolons (German spreadsheets) it takes a decimal comma.
	else if (typeof value === 'number')
		s = options.separator === ';' ? String(value).replace('.', ',') : String(value);
	else s = neutraliseFormula(value);
	if (options.quote === 'always' || /[",;\r\n]/.test(s)) return `"${s.replaceAll('"', '""')}"`;
	return s;
}

/** A whole CSV file: UTF-8 byte order mark (spreadsheets guess the encoding otherwise), CRLF lines. */
export function writeCsv(rows: readonly (readonly CsvValue[])[], options: CsvWriteOptions): string {
	const lines = rows.map((row) => row.map((v) => field(v, options)).join(options.separator));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One CSV record and the physical line it starts on (1-based), for error messages. */
export interface CsvRow {
	line: number;
	fields: string[];
}

/** A file that is not CSV (a quote never closed): where, for the person who uploaded it. */
export class UnreadableCsv extends Error {
	constructor(
		readonly line: number,
		cause: unknown
	) {
		super(`not readable as CSV from line ${line}`, { cause });
	}
}

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, separators and line breaks inside quotes, CRLF,
 * LF or CR, an optional byte order mark). Blank lines are skipped; rows may differ in length; a
 * stray quote inside an unquoted field is kept as text. Throws UnreadableCsv otherwise.
 */
export function readCsvRows(text: string, delimiter = ','): CsvRow[] {
	const rows: CsvRow[] = [];
	let lastLine = 0;
	let surplus = 0;
	try {
		parse(text, {
			bom: true,
			delimiter,
			// Files edited on several systems mix line endings; each one ends a record.
			record_delimiter: ['\r\n', '\n', '\r'],
			relax_column_count: true,
			relax_quotes: true,
			skip_empty_lines: true,
			// csv-parse counts the line a record ends on, and a CRLF inside quotes as two lines: the
			// record began on its physical end line less the line breaks inside its fields.
			on_record: (record: string[], { lines }) => {
				surplus += record.reduce((n, f) => n + (f.match(/\r\n/g)?.length ?? 0), 0);
				const inside = record.reduce((n, f) => n + (f.match(LINE_BREAK)?.length ?? 0), 0);
				lastLine = lines - surplus;
				rows.push({ line: lastLine - inside, fields: record });
				return null;
			}
		});
	} catch (e) {
		if (!(e instanceof CsvError)) throw e;
		// The unreadable record begins on the first non-blank line after the last one read.
		const lines = text.split(LINE_BREAK);
		let line = lastLine + 1;
		while (line <= lines.length && lines[line - 1] === '') line++;
		throw new UnreadableCsv(line, e);
	}
	return rows;
}

/** Rows as objects keyed by the header line, names and values trimmed. */
export function readCsvRecords(text: string, delimiter = ','): Record<string, string>[] {
	const [header, ...rows] = readCsvRows(text, delimiter);
	if (!header) return [];
	const names = header.fields.map((h) => h.trim());
	return rows.map((r) => Object.fromEntries(names.map((n, i) => [n, (r.fields[i] ?? '').trim()])));
}
