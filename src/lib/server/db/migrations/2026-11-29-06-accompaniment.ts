import { type Kysely, sql } from 'kysely';
import { idColumn, idType, instantType } from './dialect';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// Accompaniment over months (issue 4): one case file per creative and office, the consultation
// records with their agreed next steps, check-ins, referrals to contact points with a status
// history, and the office's rhythm settings.
export async function up(db: Kysely<any>): Promise<void> {
	await caseTables(db);
	await recordTables(db);
	await checkInTable(db);
	await referralTables(db);
}

/** The case file per creative and office, with the office's rhythm settings. */
async function caseTables(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	await db.schema
		.alterTable('creative')
		.addColumn('merged_into_id', 'integer', (c) => c.references('creative.id'))
		.execute();

	await db.schema
		.createTable('office_case_setting')
		.addColumn('office_id', 'integer', (c) =>
			c.primaryKey().notNull().references('office.id').onDelete('cascade')
		)
		.addColumn('first_checkin_weeks', 'integer', (c) => c.notNull().defaultTo(4))
		.addColumn('checkin_interval_weeks', 'integer', (c) => c.notNull().defaultTo(8))
		.addColumn('stalled_days', 'integer', (c) => c.notNull().defaultTo(60))
		.addColumn('referral_followup_days', 'integer', (c) => c.notNull().defaultTo(21))
		.addColumn('feedback_mail', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('updated_at', instant, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('case_file')
		.addColumn('id', id, pk)
		.addColumn('office_id', 'integer', (c) => c.notNull().references('office.id'))
		.addColumn('creative_id', 'integer', (c) => c.notNull().references('creative.id'))
		.addColumn('consultant_id', 'integer', (c) => c.notNull().references('staff_user.id'))
		// The name the creative gave when booking; the creative row itself holds only the e-mail.
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'paused', 'closed')`))
		.addColumn('land_iso', 'text')
		.addColumn('submarket', 'text')
		.addColumn('stage', 'text')
		.addColumn('topics', 'text', (c) => c.notNull().defaultTo('[]'))
		// Goals agreed with the creative, shown in their portal plan.
		.addColumn('goals', 'text')
		// Content notes are allowed only while this is set (version of the notes consent text).
		.addColumn('notes_consent_version', 'integer')
		.addColumn('notes_consent_at', instant)
		.addColumn('opened_at', instant, (c) => c.notNull())
		.addColumn('last_contact_at', instant)
		.addColumn('next_contact_due_at', instant)
		.addColumn('closed_at', instant)
		.addColumn('close_reason', 'text')
		.addColumn('close_outcome', 'text')
		.addColumn('feedback_token_hash', 'text', (c) => c.unique())
		.addColumn('feedback_token_expires_at', instant)
		.addColumn('feedback_rating', 'integer')
		.addColumn('feedback_comment', 'text')
		.addColumn('feedback_at', instant)
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.addUniqueConstraint('case_file_creative_office', ['creative_id', 'office_id'])
		.execute();
	await db.schema
		.createIndex('case_file_office_idx')
		.on('case_file')
		.columns(['office_id', 'status'])
		.execute();
	await db.schema
		.createIndex('case_file_consultant_idx')
		.on('case_file')
		.columns(['consultant_id', 'status'])
		.execute();

	await db.schema
		.alterTable('booking')
		.addColumn('case_id', 'integer', (c) => c.references('case_file.id'))
		.execute();
	await db.schema.createIndex('booking_case_idx').on('booking').column('case_id').execute();
}

/** Case events, consultation records and their next steps. */
async function recordTables(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	await db.schema
		.createTable('case_event')
		.addColumn('id', id, pk)
		.addColumn('case_id', 'integer', (c) => c.notNull().references('case_file.id').onDelete('cascade'))
		.addColumn('at', instant, (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('actor_kind', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'integer')
		// JSON: small facts (new status, consultant ids, the hand-over note).
		.addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
		.execute();
	await db.schema.createIndex('case_event_case_idx').on('case_event').columns(['case_id', 'at']).execute();

	await db.schema
		.createTable('consultation_record')
		.addColumn('id', id, pk)
		.addColumn('case_id', 'integer', (c) => c.notNull().references('case_file.id').onDelete('cascade'))
		.addColumn('booking_id', 'integer', (c) => c.unique().references('booking.id'))
		.addColumn('consultant_id', 'integer', (c) => c.notNull().references('staff_user.id'))
		.addColumn('held_at', instant, (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('first', 'follow_up')`))
		.addColumn('format', 'text', (c) => c.notNull())
		.addColumn('topics', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('outcome', 'text', (c) => c.notNull())
		// Content notes: null unless the case holds a notes consent.
		.addColumn('situation', 'text')
		.addColumn('advice', 'text')
		.addColumn('follow_up_weeks', 'integer')
		.addColumn('share_advice', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('share_steps', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('share_referrals', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('idempotency_key', 'text', (c) => c.unique())
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('consultation_record_case_idx')
		.on('consultation_record')
		.columns(['case_id', 'held_at'])
		.execute();

	await db.schema
		.createTable('next_step')
		.addColumn('id', id, pk)
		.addColumn('case_id', 'integer', (c) => c.notNull().references('case_file.id').onDelete('cascade'))
		.addColumn('record_id', 'integer', (c) => c.references('consultation_record.id').onDelete('cascade'))
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('owner', 'text', (c) => c.notNull().check(sql`owner in ('creative', 'consultant')`))
		.addColumn('due_on', 'text')
		.addColumn('shared', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('done_at', instant)
		.addColumn('done_by_kind', 'text')
		.addColumn('created_at', instant, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('next_step_case_idx').on('next_step').column('case_id').execute();
}

/** Check-ins between two talks. */
async function checkInTable(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	await db.schema
		.createTable('check_in')
		.addColumn('id', id, pk)
		.addColumn('case_id', 'integer', (c) => c.notNull().references('case_file.id').onDelete('cascade'))
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('due_at', instant, (c) => c.notNull())
		.addColumn('sent_at', instant, (c) => c.notNull())
		.addColumn('expires_at', instant, (c) => c.notNull())
		.addColumn('answered_at', instant)
		.addColumn('changed', 'text')
		.addColumn('questions', 'text')
		.addColumn('wants_follow_up', 'integer', (c) => c.notNull().defaultTo(0))
		// JSON array of next_step ids the creative ticked off in this answer.
		.addColumn('steps_done', 'text', (c) => c.notNull().defaultTo('[]'))
		// The consultant has seen the answer (the alert disappears from the dashboard).
		.addColumn('seen_at', instant)
		.addUniqueConstraint('check_in_case_due', ['case_id', 'due_at'])
		.execute();
	await db.schema.createIndex('check_in_case_idx').on('check_in').columns(['case_id', 'sent_at']).execute();
}

/** Referrals to contact points with their status history. */
async function referralTables(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	await db.schema
		.createTable('referral')
		.addColumn('id', id, pk)
		.addColumn('case_id', 'integer', (c) => c.notNull().references('case_file.id').onDelete('cascade'))
		.addColumn('record_id', 'integer', (c) => c.references('consultation_record.id').onDelete('set null'))
		.addColumn('service_id', 'integer', (c) => c.notNull().references('cp_service.id'))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.check(
					sql`status in ('suggested', 'contacted', 'got_help', 'no_help', 'not_eligible', 'no_capacity', 'not_needed')`
				)
		)
		.addColumn('note', 'text')
		.addColumn('token_hash', 'text', (c) => c.unique())
		.addColumn('token_expires_at', instant)
		.addColumn('followup_due_at', instant, (c) => c.notNull())
		.addColumn('followup_sent_at', instant)
		.addColumn('created_by', 'integer', (c) => c.references('staff_user.id'))
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.addUniqueConstraint('referral_case_service', ['case_id', 'service_id'])
		.execute();
	await db.schema
		.createIndex('referral_service_idx')
		.on('referral')
		.columns(['service_id', 'status'])
		.execute();
	await db.schema.createIndex('referral_followup_idx').on('referral').column('followup_due_at').execute();

	await db.schema
		.createTable('referral_status_change')
		.addColumn('id', id, pk)
		.addColumn('referral_id', 'integer', (c) => c.notNull().references('referral.id').onDelete('cascade'))
		.addColumn('at', instant, (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('actor_kind', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'integer')
		.execute();
	await db.schema
		.createIndex('referral_status_change_idx')
		.on('referral_status_change')
		.columns(['referral_id', 'at'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'referral_status_change',
		'referral',
		'check_in',
		'next_step',
		'consultation_record',
		'case_event'
	]) {
		await db.schema.dropTable(table).execute();
	}
	await db.schema.dropIndex('booking_case_idx').execute();
	await db.schema.alterTable('booking').dropColumn('case_id').execute();
	await db.schema.dropTable('case_file').execute();
	await db.schema.dropTable('office_case_setting').execute();
	await db.schema.alterTable('creative').dropColumn('merged_into_id').execute();
}
