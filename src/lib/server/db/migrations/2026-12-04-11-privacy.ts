import type { Kysely } from 'kysely';
import { instantType } from './dialect';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// Privacy (issue 13): a lease per periodic job, so work that must run once per period across
// all instances (the retention run) is claimed by exactly one of them.
export async function up(db: Kysely<any>): Promise<void> {
	const instant = instantType(db);
	await db.schema
		.createTable('job_lease')
		.addColumn('name', 'text', (c) => c.primaryKey().notNull())
		.addColumn('holder', 'text')
		.addColumn('until', instant, (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('job_lease').execute();
}
