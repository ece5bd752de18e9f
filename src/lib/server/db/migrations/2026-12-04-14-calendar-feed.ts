import { type Kysely, sql } from 'kysely';
import { idColumn, idType, instantType } from './dialect';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// Issue 15: a personal calendar feed (subscription URL) per staff user. Only the SHA-256 of the
// secret is stored; revoking sets revoked_at. At most one live feed per user.
// office_calendar_setting: whether an office's feeds may show more than first name and format.
export async function up(db: Kysely<any>): Promise<void> {
	const instant = instantType(db);
	await db.schema
		.createTable('calendar_feed')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('staff_user.id').onDelete('cascade'))
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('revoked_at', instant)
		.execute();
	await db.schema
		.createIndex('calendar_feed_live_uq')
		.on('calendar_feed')
		.column('user_id')
		.unique()
		.where(sql.ref('revoked_at'), 'is', null)
		.execute();
	await db.schema
		.createTable('office_calendar_setting')
		.addColumn('office_id', 'integer', (c) =>
			c.primaryKey().notNull().references('office.id').onDelete('cascade')
		)
		// 0: first name and format only; 1: full name, e-mail and phone of the person too.
		.addColumn('feed_details', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('updated_at', instant, (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('office_calendar_setting').execute();
	await db.schema.dropTable('calendar_feed').execute();
}
