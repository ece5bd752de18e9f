/**
 * Small-cell suppression (decision 008). Pure. A count below 5 is shown as "< 5" (primary);
 * then, in every line of the table (each row with its row total, each column with its column
 * total, and the totals line with the grand total) that holds exactly one suppressed value, the
 * smallest shown inner cell of that line is suppressed as well (secondary), so no total minus the
 * shown cells reveals a suppressed one. Repeated until nothing changes.
 */
export const THRESHOLD = 5;
export const SUPPRESSED = '< 5';

export type Shown = number | typeof SUPPRESSED;

export interface CountTable {
	/** Inner cells, rows × columns. */
	cells: number[][];
	/** Show a total per row (sum of its cells). */
	rowTotals: boolean;
	/** Show a total per column (sum of its cells), and a grand total when rowTotals too. */
	colTotals: boolean;
}

export interface SuppressedTable {
	cells: Shown[][];
	rowTotals: Shown[] | null;
	colTotals: Shown[] | null;
	grandTotal: Shown | null;
	/** How many values were hidden, primary and secondary. */
	hidden: { primary: number; secondary: number };
}

export function isSmall(n: number): boolean {
	return n < THRESHOLD;
}

/** One figure on its own (a count, or a figure resting on a count of people). */
export function suppressOne(value: number, basis: number = value): Shown {
	return isSmall(basis) ? SUPPRESSED : value;
}

export function sum(xs: number[]): number {
	return xs.reduce((a, b) => a + b, 0);
}

/** Exact values, nothing hidden (an office's own staff see their office's figures exactly). */
export function exactTable(t: CountTable): SuppressedTable {
	const rows = t.cells.length;
	const cols = rows > 0 ? t.cells[0]!.length : 0;
	const rowTotals = t.cells.map((r) => sum(r));
	const colTotals = Array.from({ length: cols }, (_, j) => sum(t.cells.map((r) => r[j]!)));
	return {
		cells: t.cells.map((r) => [...r]),
		rowTotals: t.rowTotals ? rowTotals : null,
		colTotals: t.colTotals ? colTotals : null,
		grandTotal: t.rowTotals && t.colTotals ? sum(rowTotals) : null,
		hidden: { primary: 0, secondary: 0 }
	};
}

export function suppressTable(t: CountTable): SuppressedTable {
	const g = gridOf(t);
	const primary =
		g.hid.flat().filter(Boolean).length +
		g.hidRow.filter(Boolean).length +
		g.hidCol.filter(Boolean).length +
		(g.hidGrand ? 1 : 0);
	for (let changed = true; changed; ) changed = protectPass(g, t);

	const show = (n: number, h: boolean): Shown => (h ? SUPPRESSED : n);
	return {
		cells: g.value.map((r, i) => r.map((n, j) => show(n, g.hid[i]![j]!))),
		rowTotals: t.rowTotals ? g.rowTotal.map((n, i) => show(n, g.hidRow[i]!)) : null,
		colTotals: t.colTotals ? g.colTotal.map((n, j) => show(n, g.hidCol[j]!)) : null,
		grandTotal: g.withGrand ? show(g.grand, g.hidGrand) : null,
		hidden: { primary, secondary: g.secondary }
	};
}

/** The table's values with what is hidden so far; the passes below only ever add to `hid…`. */
interface Grid {
	rows: number;
	cols: number;
	value: number[][];
	rowTotal: number[];
	colTotal: number[];
	grand: number;
	withGrand: boolean;
	hid: boolean[][];
	hidRow: boolean[];
	hidCol: boolean[];
	hidGrand: boolean;
	secondary: number;
}

/** Every value below the threshold hidden (primary suppression). */
function gridOf(t: CountTable): Grid {
	const rows = t.cells.length;
	const cols = rows > 0 ? t.cells[0]!.length : 0;
	const value = t.cells.map((r) => [...r]);
	const rowTotal = value.map((r) => sum(r));
	const colTotal = Array.from({ length: cols }, (_, j) => sum(value.map((r) => r[j]!)));
	const grand = sum(rowTotal);
	const withGrand = t.rowTotals && t.colTotals;
	return {
		rows,
		cols,
		value,
		rowTotal,
		colTotal,
		grand,
		withGrand,
		hid: value.map((r) => r.map((n) => isSmall(n))),
		hidRow: rowTotal.map((n) => t.rowTotals && isSmall(n)),
		hidCol: colTotal.map((n) => t.colTotals && isSmall(n)),
		hidGrand: withGrand && isSmall(grand),
		secondary: 0
	};
}

type Ref = { get: () => boolean; set: () => void; n: number };

const flagRef = (flags: boolean[], k: number, n: number): Ref => ({
	get: () => flags[k]!,
	set: () => {
		flags[k] = true;
	},
	n
});

/** One pass over every line (rows, columns, then the totals line); true when it hid anything. */
function protectPass(g: Grid, t: CountTable): boolean {
	let changed = false;
	for (let i = 0; i < g.rows; i++) {
		const inner = Array.from({ length: g.cols }, (_, j) => flagRef(g.hid[i]!, j, g.value[i]![j]!));
		const total = t.rowTotals ? flagRef(g.hidRow, i, g.rowTotal[i]!) : null;
		if (protect(g, inner, total)) changed = true;
	}
	for (let j = 0; j < g.cols; j++) {
		const inner = Array.from({ length: g.rows }, (_, i) => flagRef(g.hid[i]!, j, g.value[i]![j]!));
		const total = t.colTotals ? flagRef(g.hidCol, j, g.colTotal[j]!) : null;
		if (protect(g, inner, total)) changed = true;
	}
	if (g.withGrand) {
		const grandRef: Ref = {
			get: () => g.hidGrand,
			set: () => {
				g.hidGrand = true;
			},
			n: g.grand
		};
		const colLine = Array.from({ length: g.cols }, (_, j) => flagRef(g.hidCol, j, g.colTotal[j]!));
		const rowLine = Array.from({ length: g.rows }, (_, i) => flagRef(g.hidRow, i, g.rowTotal[i]!));
		if (protect(g, colLine, grandRef)) changed = true;
		if (protect(g, rowLine, grandRef)) changed = true;
	}
	return changed;
}

/**
 * A line: inner cells that sum to a total (shown or not). With exactly one hidden value in
 * it, hide the smallest shown inner cell; with none left to hide, hide the total.
 */
function protect(g: Grid, inner: Ref[], total: Ref | null): boolean {
	// Without a total the line is no equation: one hidden cell cannot be worked out.
	if (!total) return false;
	const hiddenCount = [...inner, total].filter((r) => r.get()).length;
	if (hiddenCount !== 1) return false;
	const shown = inner.filter((r) => !r.get());
	if (shown.length === 0) {
		if (total.get()) return false;
		total.set();
	} else shown.reduce((a, b) => (b.n < a.n ? b : a)).set();
	g.secondary++;
	return true;
}
