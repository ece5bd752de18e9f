import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

/**
 * The few places where the two dialects differ, for migrations only. Frozen with them:
 * change nothing here that an existing migration relies on.
 */
export function isPostgres(db: Kysely<any>): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Auto-increment integer primary key. */
export function idType(db: Kysely<any>) {
	return isPostgres(db) ? ('serial' as const) : ('integer' as const);
}

export function idColumn(db: Kysely<any>) {
	return (c: ColumnDefinitionBuilder) => (isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement());
}

/** Epoch milliseconds need 64 bits on PostgreSQL; SQLite integers are 64-bit already. */
export function instantType(db: Kysely<any>) {
	return isPostgres(db) ? ('bigint' as const) : ('integer' as const);
}
