import type { Kysely } from 'kysely';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// Issue 14: the dashboard sums the monthly consultation counters by dimension and key
// (statistics/queries.ts consultationCounts). Read through the primary key (month first), each of a
// network year's 6,700 rows cost a table lookup and the sums a sort: 4–8 ms on the national bench
// database. In (dim, key, month) order, with the filters' columns and the count, the sums are read
// off the index in group order (1 ms).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('stat_consultation_month_dim_idx')
		.on('stat_consultation_month')
		.columns(['dim', 'key', 'month', 'office_id', 'land_iso', 'n'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('stat_consultation_month_dim_idx').execute();
}
