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
	const rows = t.cells.length;
	const cols = rows > 0 ? t.cells[0]!.length : 0;
	const value = t.cells.map((r) => [...r]);
	const rowTotal = value.map((r) => sum(r));
	const colTotal = Array.from({ length: cols }, (_, j) => sum(value.map((r) => r[j]!)));
	const grand = sum(rowTotal);

	const hid = value.map((r) => r.map((n) => isSmall(n)));
	const hidRow = rowTotal.map((n) => t.rowTotals && isSmall(n));
	const hidCol = colTotal.map((n) => t.colTotals && isSmall(n));
	const withGrand = t.rowTotals && t.colTotals;
	let hidGrand = withGrand && isSmall(grand);
	const primary =
		hid.flat().filter(Boolean).length +
		hidRow.filter(Boolean).length +
		hidCol.filter(Boolean).length +
		(hidGrand ? 1 : 0);
	let secondary = 0;

	/**
	 * A line: inner cells that sum to a total (shown or not). With exactly one hidden value in
	 * it, hide the smallest shown inner cell; with none left to hide, hide the total.
	 */
	type Ref = { get: () => boolean; set: () => void; n: number };
	const protect = (inner: Ref[], total: Ref | null): boolean => {
		// Without a total the line is no equation: one hidden cell cannot be worked out.
		if (!total) return false;
		const hiddenCount = [...inner, total].filter((r) => r.get()).length;
		if (hiddenCount !== 1) return false;
		const shown = inner.filter((r) => !r.get());
		if (shown.length === 0) {
			if (total.get()) return false;
			total.set();
		} else shown.reduce((a, b) => (b.n < a.n ? b : a)).set();
		secondary++;
		return true;
	};
	const cell = (i: number, j: number): Ref => ({
		get: () => hid[i]![j]!,
		set: () => {
			hid[i]![j] = true;
		},
		n: value[i]![j]!
	});

	for (let changed = true; changed; ) {
		changed = false;
		for (let i = 0; i < rows; i++) {
			const inner = Array.from({ length: cols }, (_, j) => cell(i, j));
			const total: Ref | null = t.rowTotals
				? {
						get: () => hidRow[i]!,
						set: () => {
							hidRow[i] = true;
						},
						n: rowTotal[i]!
					}
				: null;
			if (protect(inner, total)) changed = true;
		}
		for (let j = 0; j < cols; j++) {
			const inner = Array.from({ length: rows }, (_, i) => cell(i, j));
			const total: Ref | null = t.colTotals
				? {
						get: () => hidCol[j]!,
						set: () => {
							hidCol[j] = true;
						},
						n: colTotal[j]!
					}
				: null;
			if (protect(inner, total)) changed = true;
		}
		if (withGrand) {
			const grandRef: Ref = {
				get: () => hidGrand,
				set: () => {
					hidGrand = true;
				},
				n: grand
			};
			const colLine = Array.from({ length: cols }, (_, j) => ({
				get: () => hidCol[j]!,
				set: () => {
					hidCol[j] = true;
				},
				n: colTotal[j]!
			}));
			const rowLine = Array.from({ length: rows }, (_, i) => ({
				get: () => hidRow[i]!,
				set: () => {
					hidRow[i] = true;
				},
				n: rowTotal[i]!
			}));
			if (protect(colLine, grandRef)) changed = true;
			if (protect(rowLine, grandRef)) changed = true;
		}
	}

	const show = (n: number, h: boolean): Shown => (h ? SUPPRESSED : n);
	return {
		cells: value.map((r, i) => r.map((n, j) => show(n, hid[i]![j]!))),
		rowTotals: t.rowTotals ? rowTotal.map((n, i) => show(n, hidRow[i]!)) : null,
		colTotals: t.colTotals ? colTotal.map((n, j) => show(n, hidCol[j]!)) : null,
		grandTotal: withGrand ? show(grand, hidGrand) : null,
		hidden: { primary, secondary }
	};
}
