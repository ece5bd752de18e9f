import type { Kysely } from 'kysely';
import { idColumn, idType, instantType } from './dialect';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// A creative is a person identified by a verified e-mail address (issue 4, item 6). The row is
// created lazily when someone asks for a portal login link; bookings are found by e-mail.
export async function up(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);
	await db.schema
		.createTable('creative')
		.addColumn('id', id, pk)
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('email_verified_at', instant)
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('de'))
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.addColumn('deleted_at', instant)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('creative').execute();
}
