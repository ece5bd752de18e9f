/**
 * A JSON array kept in a text column (a check-in's ticked step ids, an office's holidays), read
 * back forgivingly: text that is not JSON, or not an array, reads as empty, and entries of
 * another type are dropped.
 */
export function parseJsonArray<T>(text: string, isItem: (x: unknown) => x is T): T[] {
	try {
		const v = JSON.parse(text) as unknown;
		return Array.isArray(v) ? v.filter(isItem) : [];
	} catch {
		return [];
	}
}
