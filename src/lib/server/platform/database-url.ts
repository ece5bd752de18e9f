/** Where the data lives: an embedded SQLite file or a PostgreSQL server. */
export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export class DatabaseUrlError extends Error {}

/**
 * Accepts `sqlite:PATH`, `sqlite://PATH`, a plain file path, `:memory:`, or `postgres(ql)://…`.
 * Anything else with a scheme (mysql://, http://) is refused rather than taken as a file name.
 */
export function parseDatabaseUrl(raw: string): DatabaseTarget {
	const value = raw.trim();
	if (value === '') throw new DatabaseUrlError('is empty');
	if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', url: value };
	if (/^sqlite:/i.test(value)) {
		const path = value.replace(/^sqlite:(\/\/)?/i, '');
		if (path === '') throw new DatabaseUrlError('names no SQLite file (expected sqlite:PATH)');
		return { kind: 'sqlite', path };
	}
	const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value);
	if (scheme) {
		throw new DatabaseUrlError(
			`uses the unsupported scheme "${scheme[1]}" (use sqlite:PATH or postgres://…)`
		);
	}
	return { kind: 'sqlite', path: value };
}
