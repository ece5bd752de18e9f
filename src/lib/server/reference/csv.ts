/** One CSV record and the physical line it starts on (1-based), for error messages. */
export interface CsvRow {
	line: number;
	fields: string[];
}

/**
 * RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes, CRLF or LF,
 * an optional UTF-8 BOM. Blank lines are skipped. Used for the shipped reference data and for
 * postcode imports.
 */
export function parseCsvRows(text: string, delimiter = ','): CsvRow[] {
	const rows: CsvRow[] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let line = 1;
	let rowLine = 1;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	for (; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else {
				if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
				field += c;
			}
		} else if (c === '"' && field === '') quoted = true;
		else if (c === delimiter) {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			field = '';
			if (row.length > 1 || row[0] !== '') rows.push({ line: rowLine, fields: row });
			row = [];
			line++;
			rowLine = line;
		} else field += c;
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push({ line: rowLine, fields: row });
	}
	return rows;
}

export function parseCsv(text: string, delimiter = ','): string[][] {
	return parseCsvRows(text, delimiter).map((r) => r.fields);
}

/** Rows as objects keyed by the header line. */
export function csvRecords(text: string, delimiter = ','): Record<string, string>[] {
	const [header, ...rows] = parseCsv(text, delimiter);
	if (!header) return [];
	const names = header.map((h) => h.trim());
	return rows.map((r) => Object.fromEntries(names.map((n, i) => [n, (r[i] ?? '').trim()])));
}
