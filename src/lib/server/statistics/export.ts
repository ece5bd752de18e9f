import writeXlsxFile from 'write-excel-file/node';
import type { Cell, StatTable } from './tables';

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

function text(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: Cell | string, sep: Separator): string {
	let s: string;
	if (value === null) s = '';
	else if (typeof value === 'number') s = sep === ';' ? String(value).replace('.', ',') : String(value);
	else s = text(value);
	return /[",;\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function tableCsv(table: StatTable, sep: Separator): string {
	const lines = [
		[table.rowHeader, ...table.columns].map((v) => csvField(v, sep)).join(sep),
		...table.rows.map((r) => [csvField(r.label, sep), ...r.cells.map((c) => csvField(c, sep))].join(sep))
	];
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
export function sheetName(title: string, taken: Set<string>): string {
	const base =
		title
			.replace(/[:\\/?*[\]]/g, ' ')
			.slice(0, 28)
			.trim() || 'Tabelle';
	let name = base;
	for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)} ${i}`;
	taken.add(name.toLowerCase());
	return name;
}

export async function tablesXlsx(tables: StatTable[]): Promise<Buffer> {
	const taken = new Set<string>();
	const sheets = tables.map((table) => ({
		sheet: sheetName(table.title, taken),
		data: [
			[table.rowHeader, ...table.columns].map((v) => ({ value: v, fontWeight: 'bold' as const })),
			...table.rows.map((r) => [
				{ value: r.label, ...(r.total ? { fontWeight: 'bold' as const } : {}) },
				...r.cells.map((c) => (c === null ? null : { value: c }))
			])
		],
		columns: [{ width: 48 }, ...table.columns.map(() => ({ width: 16 }))]
	}));
	return (await writeXlsxFile(sheets).toBuffer()) as Buffer;
}
