import type { Kysely } from 'kysely';
import { instantType } from './dialect';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// Issue 11: the product ships every German postcode (a table generated from OpenStreetMap data) and
// loads it at start. This table remembers which version of a shipped data set a database holds, so
// a restart skips the load and a regenerated table is loaded once, on the next start.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('reference_data_load')
		.addColumn('name', 'text', (c) => c.primaryKey().notNull())
		.addColumn('version', 'text', (c) => c.notNull())
		.addColumn('rows', 'integer', (c) => c.notNull())
		.addColumn('loaded_at', instantType(db), (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('reference_data_load').execute();
}
