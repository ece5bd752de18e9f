import writeXlsxFile from 'write-excel-file/node';
import type { Locale } from '../../i18n/locale';
import { type MessageKey, translate } from '../../i18n/messages';
import { writeCsv } from '../platform/csv';
import type { StatTable } from './tables';

/**
 * Exports of the dashboard's tables (always built with suppression by the caller). CSV is UTF-8
 * with a byte order mark, comma or semicolon separated (semicolon with decimal comma for German
 * spreadsheet software), CRLF lines, RFC 4180 quoting, and text that a spreadsheet would run as
 * a formula is prefixed with an apostrophe. XLSX holds one sheet per table, numbers as numbers.
 */
export type Separator = ',' | ';';

export function parseSeparator(v: string | null): Separator {
	return v === 'comma' ? ',' : ';';
}

export function tableCsv(table: StatTable, sep: Separator): string {
	const rows = [[table.rowHeader, ...table.columns], ...table.rows.map((r) => [r.label, ...r.cells])];
	return writeCsv(rows, { separator: sep, quote: 'when-needed' });
}

/** Excel's limit for a sheet name. */
export const SHEET_NAME_MAX = 31;

/** The longest run of whole words of `text` within `max` characters (a single long word is cut). */
export function wholeWords(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max + 1);
	const space = cut.lastIndexOf(' ');
	return (space > 0 ? cut.slice(0, space) : text.slice(0, max)).trim();
}

/**
 * Sheet names: at most 31 characters, none of : \ / ? * [ ], never cut mid-word, unique (Excel
 * compares them without case; a repeated name gets " 2", " 3" … within the limit).
 */
export function sheetName(title: string, taken: Set<string>): string {
	const clean = title
		.replace(/[:\\/?*[\]]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	const base = wholeWords(clean, SHEET_NAME_MAX) || 'Tabelle';
	let name = base;
	for (let i = 2; taken.has(name.toLowerCase()); i++) {
		const suffix = ` ${i}`;
		name = `${wholeWords(base, SHEET_NAME_MAX - suffix.length)}${suffix}`;
	}
	taken.add(name.toLowerCase());
	return name;
}

/** The export's default look: one font for the file, bold header row frozen, readable widths. */
export const XLSX_STYLE = { fontFamily: 'Arial', fontSize: 10, labelWidth: 48, valueWidth: 16 } as const;

/** Issue 15: sheets named by the catalogue's short labels (stats.sheet.<table id>), not cut titles. */
export async function tablesXlsx(tables: StatTable[], locale: Locale): Promise<Buffer> {
	const taken = new Set<string>();
	const sheets = tables.map((table) => ({
		sheet: sheetName(translate(locale, `stats.sheet.${table.id}` as MessageKey), taken),
		stickyRowsCount: 1,
		data: [
			[table.rowHeader, ...table.columns].map((v) => ({ value: v, fontWeight: 'bold' as const })),
			...table.rows.map((r) => [
				{ value: r.label, ...(r.total ? { fontWeight: 'bold' as const } : {}) },
				...r.cells.map((c) => (c === null ? null : { value: c }))
			])
		],
		columns: [
			{ width: XLSX_STYLE.labelWidth },
			...table.columns.map((c) => ({ width: Math.max(XLSX_STYLE.valueWidth, Math.min(c.length + 2, 40)) }))
		]
	}));
	return (await writeXlsxFile(sheets, {
		fontFamily: XLSX_STYLE.fontFamily,
		fontSize: XLSX_STYLE.fontSize
	}).toBuffer()) as Buffer;
}
