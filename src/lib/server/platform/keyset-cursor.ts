import type { z } from 'zod';

/**
 * Opaque cursors for keyset paging (issue 14): the last row's sort key, as base64url JSON. A
 * client passes back what it was given; anything else — not base64url, not JSON, not the shape —
 * is `null`, which the API answers with 400. The key is not a secret (it names a public row's
 * position), only opaque so clients do not build cursors of their own.
 */
export function encodeCursor(key: unknown): string {
	return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor<T extends z.ZodType>(schema: T, cursor: string): z.output<T> | null {
	if (cursor.length === 0 || cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
	let parsed: unknown;
	try {
		parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
	} catch {
		return null;
	}
	const result = schema.safeParse(parsed);
	return result.success ? result.data : null;
}
