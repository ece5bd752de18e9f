import { addMonths, berlinDayStart } from '../../time/berlin';

/**
 * The reporting period (decision 008): a month, a quarter, a year or a custom range of whole
 * months, in Berlin calendar months. Pure; `today` ('YYYY-MM-DD', Berlin) is an argument.
 * Facts and counters are keyed by month, so every period is a range of months.
 */
export type PeriodKind = 'year' | 'quarter' | 'month' | 'custom';

export interface Period {
	kind: PeriodKind;
	/** First and last month, 'YYYY-MM', inclusive. */
	from: string;
	to: string;
	/** The URL parameters that select this period again. */
	params: Record<string, string>;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;
export const MAX_MONTHS = 120;

export function isMonth(value: string): boolean {
	return MONTH.test(value) && Number(value.slice(0, 4)) >= 2000 && Number(value.slice(0, 4)) <= 2100;
}

export function monthsOf(from: string, to: string): string[] {
	const out: string[] = [];
	for (let m = from; m <= to && out.length < MAX_MONTHS; m = addMonths(m, 1)) out.push(m);
	return out;
}

export function yearPeriod(year: number): Period {
	return {
		kind: 'year',
		from: `${year}-01`,
		to: `${year}-12`,
		params: { zeitraum: 'jahr', jahr: String(year) }
	};
}

/** Reads the period from query parameters; anything invalid falls back to the current year. */
export function parsePeriod(params: URLSearchParams, today: string): Period {
	const thisYear = Number(today.slice(0, 4));
	const kind = params.get('zeitraum');
	const yearParam = params.get('jahr') ?? '';
	const year = YEAR.test(yearParam) && isMonth(`${yearParam}-01`) ? Number(yearParam) : thisYear;
	if (kind === 'quartal') {
		const q = Number(params.get('quartal'));
		const quarter = Number.isInteger(q) && q >= 1 && q <= 4 ? q : Math.ceil(Number(today.slice(5, 7)) / 3);
		const from = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}`;
		return {
			kind: 'quarter',
			from,
			to: addMonths(from, 2),
			params: { zeitraum: 'quartal', jahr: String(year), quartal: String(quarter) }
		};
	}
	if (kind === 'monat') {
		const m = params.get('monat') ?? '';
		const month = isMonth(m) ? m : today.slice(0, 7);
		return { kind: 'month', from: month, to: month, params: { zeitraum: 'monat', monat: month } };
	}
	if (kind === 'frei') {
		const von = params.get('von') ?? '';
		const bis = params.get('bis') ?? '';
		if (isMonth(von) && isMonth(bis) && von <= bis) {
			const to = monthsOf(von, bis).at(-1)!;
			return { kind: 'custom', from: von, to, params: { zeitraum: 'frei', von, bis: to } };
		}
	}
	return yearPeriod(year);
}

/** The instants [start, end) of a range of months, Berlin time. */
export function periodInstants(p: Pick<Period, 'from' | 'to'>): { start: number; end: number } {
	return { start: berlinDayStart(`${p.from}-01`), end: berlinDayStart(`${addMonths(p.to, 1)}-01`) };
}
