import { type Kysely, sql } from 'kysely';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// Issue 14, measured with `npm run bench -- scale` (300k cases, 1M facts): three reads had lost
// their covering index when later issues added a column to their conditions.
// - The statistics' "cases opened" filters on close_reason since issue 16 (no_talk is no
//   accompaniment); case_file_opened_idx lacks it, so a network year looked up 60k table rows
//   (184 ms). The new index covers the query; the old one is dropped.
// - Event deregistrations by reason (issue 16) scanned every event's registrations (53 ms).
// - The caseload's header counts read every case row of the office (118 ms for 39k cases) and
//   its list walked the closed cases (next contact null sorts first) before the first active one.
//   Both are partial indexes over the active cases: the caseload's default view is exactly those.
// - The retention rule "people with no data left" asks, per person, whether another record was
//   merged into them; without an index on merged_into_id that scanned 300k people per person and
//   the hourly run never finished (the dry run now counts 82k people in under a second).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('creative_merged_idx').on('creative').column('merged_into_id').execute();
	await db.schema
		.createIndex('case_file_opened_stat_idx')
		.on('case_file')
		.columns(['opened_at', 'office_id', 'land_iso', 'status', 'close_reason', 'last_contact_at'])
		.execute();
	await db.schema.dropIndex('case_file_opened_idx').execute();
	await db.schema
		.createIndex('event_registration_cancelled_idx')
		.on('event_registration')
		.columns(['cancelled_at', 'status', 'cancelled_by', 'event_id', 'cancel_reason_key'])
		.execute();
	await db.schema
		.createIndex('case_file_active_counts_idx')
		.on('case_file')
		.columns(['office_id', 'consultant_id', 'status', 'next_contact_due_at', 'last_contact_at', 'opened_at'])
		.where(sql.ref('status'), '<>', 'closed')
		.execute();
	await db.schema
		.createIndex('case_file_active_due_idx')
		.on('case_file')
		.columns(['office_id', 'next_contact_due_at', 'id'])
		.where(sql.ref('status'), '<>', 'closed')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('creative_merged_idx').execute();
	await db.schema.dropIndex('case_file_active_due_idx').execute();
	await db.schema.dropIndex('case_file_active_counts_idx').execute();
	await db.schema.dropIndex('event_registration_cancelled_idx').execute();
	await db.schema
		.createIndex('case_file_opened_idx')
		.on('case_file')
		.columns(['opened_at', 'office_id', 'land_iso', 'status', 'last_contact_at'])
		.execute();
	await db.schema.dropIndex('case_file_opened_stat_idx').execute();
}
