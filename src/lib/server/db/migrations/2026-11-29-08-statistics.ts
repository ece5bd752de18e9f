import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { idColumn, idType, instantType } from './dialect';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// Statistics (issue 6): anonymous consultation facts that survive the erasure of the person,
// monthly counts kept up to date in the same transaction, and the installation's key for the
// person pseudonym (an HMAC of the creative's id; never an e-mail address).
export async function up(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	await db.schema
		.createTable('stat_key')
		.addColumn('name', 'text', (c) => c.primaryKey().notNull())
		.addColumn('value', 'text', (c) => c.notNull())
		.execute();
	await db
		.insertInto('stat_key')
		.values({ name: 'person', value: randomBytes(32).toString('base64url') })
		.execute();

	await db.schema
		.createTable('stat_consultation')
		.addColumn('id', id, pk)
		// Where the consultation was recorded: a booking, or a record without a booking.
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('source_id', 'integer', (c) => c.notNull())
		.addColumn('office_id', 'integer', (c) => c.notNull())
		// Berlin calendar day 'YYYY-MM-DD', its day number (days since 1970-01-01) and 'YYYY-MM'.
		.addColumn('day', 'text', (c) => c.notNull())
		.addColumn('day_no', 'integer', (c) => c.notNull())
		.addColumn('month', 'text', (c) => c.notNull())
		// '' when unknown.
		.addColumn('land_iso', 'text', (c) => c.notNull())
		.addColumn('submarket', 'text', (c) => c.notNull())
		.addColumn('stage', 'text', (c) => c.notNull())
		.addColumn('format', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('topics', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('person', 'text', (c) => c.notNull())
		.addColumn('created_at', instant, (c) => c.notNull())
		.addUniqueConstraint('stat_consultation_source_uq', ['source', 'source_id'])
		.execute();
	// Covers the per-person aggregates of a period (distinct creatives, accompaniment).
	await db.schema
		.createIndex('stat_consultation_period_idx')
		.on('stat_consultation')
		.columns(['month', 'office_id', 'land_iso', 'person', 'kind', 'day_no'])
		.execute();

	await db.schema
		.createTable('stat_consultation_month')
		.addColumn('month', 'text', (c) => c.notNull())
		.addColumn('office_id', 'integer', (c) => c.notNull())
		.addColumn('land_iso', 'text', (c) => c.notNull())
		// 'all' (key ''), 'kind', 'submarket', 'stage', 'format', 'topic'.
		.addColumn('dim', 'text', (c) => c.notNull())
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('n', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('stat_consultation_month_pk', ['month', 'office_id', 'land_iso', 'dim', 'key'])
		.execute();

	// Period reads of the tables the dashboard aggregates directly: covering, so a year of a national
	// network is read from the index alone.
	await db.schema
		.createIndex('case_file_opened_idx')
		.on('case_file')
		.columns(['opened_at', 'office_id', 'land_iso', 'status', 'last_contact_at'])
		.execute();
	await db.schema
		.createIndex('case_file_closed_idx')
		.on('case_file')
		.columns(['closed_at', 'office_id', 'land_iso', 'status', 'close_reason'])
		.execute();
	await db.schema
		.createIndex('referral_created_idx')
		.on('referral')
		.columns(['created_at', 'service_id', 'status', 'case_id'])
		.execute();
	await db.schema
		.createIndex('event_registration_stat_idx')
		.on('event_registration')
		.columns(['event_id', 'status', 'attendance'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('event_registration_stat_idx').execute();
	await db.schema.dropIndex('referral_created_idx').execute();
	await db.schema.dropIndex('case_file_closed_idx').execute();
	await db.schema.dropIndex('case_file_opened_idx').execute();
	await db.schema.dropTable('stat_consultation_month').execute();
	await db.schema.dropTable('stat_consultation').execute();
	await db.schema.dropTable('stat_key').execute();
}
