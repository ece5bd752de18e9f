import type { Locale } from '../../i18n/locale';

/** The shape of a statistics table as the server sends it (lib/server/statistics/tables.ts). */
export type StatCell = number | string | null;

export interface StatRowData {
	key: string;
	label: string;
	cells: StatCell[];
	total?: boolean;
}

export interface StatTableData {
	id: string;
	title: string;
	rowHeader: string;
	columns: string[];
	rows: StatRowData[];
	kind: 'counts' | 'figures';
	rowTotal: boolean;
}

// One formatter per locale: creating an Intl.NumberFormat per cell cost the statistics page
// ~12 ms of its render on national data, where every cell is a number (issue 14).
const numberFormats = new Map<Locale, Intl.NumberFormat>();

export function formatCell(value: StatCell, locale: Locale): string {
	if (value === null) return '–';
	if (typeof value === 'string') return value;
	let format = numberFormats.get(locale);
	if (!format) {
		format = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
		numberFormats.set(locale, format);
	}
	return format.format(value);
}
