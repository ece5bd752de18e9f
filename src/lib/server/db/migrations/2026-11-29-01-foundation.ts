import { type Kysely, sql } from 'kysely';
import { idColumn, idType, instantType, isPostgres } from './dialect';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
	await placeTables(db);
	await postcodeTable(db);
	await staffTables(db);
	await sessionTables(db);
	await throttleTables(db);
	await auditTable(db);
	await outboxTable(db);
}

/** Länder, offices with their Länder, and the sub-market, topic and stage lists. */
async function placeTables(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	await db.schema
		.createTable('land')
		.addColumn('iso', 'text', (c) => c.primaryKey().notNull())
		.addColumn('ags', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('office')
		.addColumn('id', id, pk)
		.addColumn('key', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('seat', 'text', (c) => c.notNull())
		.addColumn('seat_confirmed', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('street', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('postcode', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('city', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('opening_hours', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('valid_from', 'text')
		.addColumn('valid_to', 'text')
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('office_land')
		.addColumn('office_id', 'integer', (c) => c.notNull().references('office.id').onDelete('cascade'))
		.addColumn('land_iso', 'text', (c) => c.notNull().references('land.iso'))
		.addPrimaryKeyConstraint('office_land_pk', ['office_id', 'land_iso'])
		.execute();
	await db.schema.createIndex('office_land_land_idx').on('office_land').column('land_iso').execute();

	for (const table of ['submarket', 'topic', 'stage']) {
		let t = db.schema
			.createTable(table)
			.addColumn('key', 'text', (c) => c.primaryKey().notNull())
			.addColumn('name_de', 'text', (c) => c.notNull())
			.addColumn('name_en', 'text', (c) => c.notNull())
			.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
			.addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0));
		if (table === 'submarket') {
			t = t
				.addColumn('grp', 'text', (c) => c.notNull().defaultTo('sonstige'))
				.addColumn('optional', 'integer', (c) => c.notNull().defaultTo(0));
		}
		await t.execute();
	}
}

/** The postcode table (every German postcode, filled by import-postcodes). */
async function postcodeTable(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);

	await db.schema
		.createTable('postcode')
		.addColumn('id', id, pk)
		.addColumn('plz', 'text', (c) => c.notNull())
		.addColumn('land_iso', 'text', (c) => c.notNull().references('land.iso'))
		.addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('source', 'text', (c) => c.notNull().defaultTo('builtin'))
		.addUniqueConstraint('postcode_unique', ['plz', 'land_iso', 'place'])
		.execute();
	await db.schema.createIndex('postcode_plz_idx').on('postcode').column('plz').execute();
}

/** Staff users, their office memberships and their recovery codes. */
async function staffTables(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	await db.schema
		.createTable('staff_user')
		.addColumn('id', id, pk)
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text')
		.addColumn('is_network_admin', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('totp_secret', 'text')
		.addColumn('totp_enabled_at', instant)
		.addColumn('totp_last_step', instant)
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('de'))
		.addColumn('disabled_at', instant)
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('staff_membership')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('staff_user.id').onDelete('cascade'))
		.addColumn('office_id', 'integer', (c) => c.notNull().references('office.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('office_lead', 'consultant')`))
		.addPrimaryKeyConstraint('staff_membership_pk', ['user_id', 'office_id'])
		.execute();
	await db.schema
		.createIndex('staff_membership_office_idx')
		.on('staff_membership')
		.column('office_id')
		.execute();

	await db.schema
		.createTable('recovery_code')
		.addColumn('id', id, pk)
		.addColumn('user_id', 'integer', (c) => c.notNull().references('staff_user.id').onDelete('cascade'))
		.addColumn('code_hash', 'text', (c) => c.notNull())
		.addColumn('used_at', instant)
		.execute();
	await db.schema.createIndex('recovery_code_user_idx').on('recovery_code').column('user_id').execute();
}

/** Server-side sessions and single-purpose tokens. */
async function sessionTables(db: Kysely<any>): Promise<void> {
	const instant = instantType(db);

	await db.schema
		.createTable('session')
		.addColumn('id_hash', 'text', (c) => c.primaryKey().notNull())
		.addColumn('subject_kind', 'text', (c) => c.notNull())
		.addColumn('subject_id', 'integer', (c) => c.notNull())
		.addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('password', 'full')`))
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('last_seen_at', instant, (c) => c.notNull())
		.addColumn('expires_at', instant, (c) => c.notNull())
		.addColumn('client_address', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
	await db.schema
		.createIndex('session_subject_idx')
		.on('session')
		.columns(['subject_kind', 'subject_id'])
		.execute();
	await db.schema.createIndex('session_expires_idx').on('session').column('expires_at').execute();

	await db.schema
		.createTable('auth_token')
		.addColumn('token_hash', 'text', (c) => c.primaryKey().notNull())
		.addColumn('purpose', 'text', (c) => c.notNull())
		.addColumn('subject_kind', 'text', (c) => c.notNull())
		.addColumn('subject_id', 'integer', (c) => c.notNull())
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('expires_at', instant, (c) => c.notNull())
		.addColumn('used_at', instant)
		.execute();
	await db.schema
		.createIndex('auth_token_subject_idx')
		.on('auth_token')
		.columns(['subject_kind', 'subject_id', 'purpose'])
		.execute();
}

/** The login throttle and the rate counters. */
async function throttleTables(db: Kysely<any>): Promise<void> {
	const instant = instantType(db);

	await db.schema
		.createTable('throttle')
		.addColumn('key', 'text', (c) => c.primaryKey().notNull())
		.addColumn('failures', 'integer', (c) => c.notNull())
		.addColumn('window_start', instant, (c) => c.notNull())
		.addColumn('blocked_until', instant, (c) => c.notNull())
		.addColumn('strikes', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();

	await db.schema
		.createTable('rate_counter')
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('window_start', instant, (c) => c.notNull())
		.addColumn('count', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('rate_counter_pk', ['key', 'window_start'])
		.execute();
}

/** The append-only audit log. */
async function auditTable(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	await db.schema
		.createTable('audit_event')
		.addColumn('id', id, pk)
		.addColumn('at', instant, (c) => c.notNull())
		.addColumn('actor_kind', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'integer')
		.addColumn('actor_label', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('subject_kind', 'text', (c) => c.notNull())
		.addColumn('subject_id', 'text')
		.addColumn('office_id', 'integer')
		.addColumn('request_id', 'text')
		.addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
		.execute();
	await db.schema.createIndex('audit_event_at_idx').on('audit_event').column('at').execute();
	await db.schema.createIndex('audit_event_action_idx').on('audit_event').columns(['action', 'at']).execute();
	await db.schema
		.createIndex('audit_event_office_idx')
		.on('audit_event')
		.columns(['office_id', 'at'])
		.execute();
	await db.schema
		.createIndex('audit_event_actor_idx')
		.on('audit_event')
		.columns(['actor_kind', 'actor_id'])
		.execute();
}

/** The mail outbox, with its dialect-specific parts. */
async function outboxTable(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	await db.schema
		.createTable('outbox')
		.addColumn('id', id, pk)
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('template', 'text', (c) => c.notNull())
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('to_address', 'text', (c) => c.notNull())
		.addColumn('to_name', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('text_body', 'text', (c) => c.notNull())
		.addColumn('html_body', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('pending', 'sending', 'sent', 'dead')`)
		)
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('next_attempt_at', instant, (c) => c.notNull())
		.addColumn('claimed_by', 'text')
		.addColumn('claimed_at', instant)
		.addColumn('sent_at', instant)
		.addColumn('last_error', 'text')
		.addColumn('dedupe_key', 'text', (c) => c.unique())
		.addColumn('office_id', 'integer')
		.addColumn('subject_kind', 'text')
		.addColumn('subject_id', 'text')
		.execute();
	await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'next_attempt_at']).execute();
	await db.schema.createIndex('outbox_created_idx').on('outbox').column('created_at').execute();
	await db.schema.createIndex('outbox_to_idx').on('outbox').column('to_address').execute();

	if (isPostgres(db)) {
		// The audit log is append-only; the database refuses deletes, erasure only redacts (UPDATE).
		await sql`create or replace function audit_event_no_delete() returns trigger language plpgsql as $$
			begin raise exception 'audit_event is append-only'; end $$`.execute(db);
		await sql`create trigger audit_event_no_delete before delete on audit_event
			for each row execute function audit_event_no_delete()`.execute(db);
	} else {
		await sql`create trigger audit_event_no_delete before delete on audit_event
			begin select raise(abort, 'audit_event is append-only'); end`.execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('The foundation migration cannot be reverted; restore a backup instead.');
}
