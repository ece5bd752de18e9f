import type { Kysely } from 'kysely';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// Issue 14: staff lists at national scale. The caseload pages in SQL by next contact (per office
// and per consultant); the audit log pages by keyset (at, id), which PostgreSQL needs as one
// index (SQLite's index on `at` carries the rowid already, but the same index serves both).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('case_file_office_due_idx')
		.on('case_file')
		.columns(['office_id', 'next_contact_due_at', 'id'])
		.execute();
	await db.schema
		.createIndex('case_file_consultant_due_idx')
		.on('case_file')
		.columns(['consultant_id', 'next_contact_due_at', 'id'])
		.execute();
	await db.schema.createIndex('audit_event_at_id_idx').on('audit_event').columns(['at', 'id']).execute();
	await db.schema.createIndex('outbox_created_id_idx').on('outbox').columns(['created_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('outbox_created_id_idx').execute();
	await db.schema.dropIndex('audit_event_at_id_idx').execute();
	await db.schema.dropIndex('case_file_consultant_due_idx').execute();
	await db.schema.dropIndex('case_file_office_due_idx').execute();
}
