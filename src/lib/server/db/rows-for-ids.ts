/**
 * The rows hanging on a list of ids, read with `read` only when there are ids: an empty
 * `where(col, 'in', [])` is not valid SQL, so a caller with no parents gets no children
 * without a query.
 */
export async function rowsForIds<Row>(
	ids: readonly number[],
	read: (ids: number[]) => Promise<Row[]>
): Promise<Row[]> {
	return ids.length === 0 ? [] : read([...ids]);
}
