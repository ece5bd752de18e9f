import { type Kysely, sql } from 'kysely';
import { idColumn, idType, instantType } from './dialect';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// Events (issue 5): information and networking events, workshops, Sprechtage and webinars of an
// office or of the whole network (office_id null), registrations with double opt-in, a waiting
// list with expiring offers, check-in, and the links in the registrants' mails (hashed tokens).
export async function up(db: Kysely<any>): Promise<void> {
	await eventTable(db);
	await registrationTable(db);
	await registrationTokenTable(db);
}

/** Events and their indexes. */
async function eventTable(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	await db.schema
		.createTable('event')
		.addColumn('id', id, pk)
		.addColumn('office_id', 'integer', (c) => c.references('office.id'))
		.addColumn('type', 'text', (c) =>
			c.notNull().check(sql`type in ('info', 'workshop', 'network', 'sprechtag', 'webinar')`)
		)
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('submarkets', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('topics', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('onsite', 'online', 'hybrid')`))
		.addColumn('venue_name', 'text')
		.addColumn('venue_address', 'text')
		.addColumn('venue_land', 'text')
		.addColumn('accessibility', 'text')
		.addColumn('online_url', 'text')
		.addColumn('start_at', instant, (c) => c.notNull())
		.addColumn('end_at', instant, (c) => c.notNull())
		.addColumn('capacity', 'integer')
		.addColumn('registration_opens_at', instant)
		.addColumn('registration_closes_at', instant)
		.addColumn('offer_hours', 'integer', (c) => c.notNull().defaultTo(48))
		.addColumn('questions', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('contact_name', 'text', (c) => c.notNull())
		.addColumn('contact_email', 'text', (c) => c.notNull())
		.addColumn('materials_url', 'text')
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('draft', 'published', 'cancelled', 'finished')`)
		)
		.addColumn('published_at', instant)
		.addColumn('cancelled_at', instant)
		.addColumn('cancel_reason', 'text')
		.addColumn('finished_at', instant)
		.addColumn('followup_sent_at', instant)
		.addColumn('ics_sequence', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_by', 'integer', (c) => c.references('staff_user.id').onDelete('set null'))
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('event_status_start_idx').on('event').columns(['status', 'start_at']).execute();
	await db.schema.createIndex('event_office_idx').on('event').columns(['office_id', 'start_at']).execute();
}

/** Registrations and their indexes. */
async function registrationTable(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	await db.schema
		.createTable('event_registration')
		.addColumn('id', id, pk)
		.addColumn('event_id', 'integer', (c) => c.notNull().references('event.id'))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.check(
					sql`status in ('pending', 'confirmed', 'waitlisted', 'offered', 'cancelled', 'expired', 'declined')`
				)
		)
		.addColumn('attendance', 'text', (c) =>
			c.check(sql`attendance is null or attendance in ('attended', 'no_show')`)
		)
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('submarket', 'text')
		.addColumn('answers', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('de'))
		.addColumn('consent_processing_version', 'integer', (c) => c.notNull())
		.addColumn('consented_at', instant, (c) => c.notNull())
		.addColumn('hold_expires_at', instant)
		.addColumn('offer_expires_at', instant)
		.addColumn('waitlisted_at', instant)
		.addColumn('confirmed_at', instant)
		.addColumn('cancelled_at', instant)
		.addColumn('cancelled_by', 'text')
		.addColumn('reconfirm_sent_at', instant)
		.addColumn('reconfirmed_at', instant)
		.addColumn('reminder_sent_at', instant)
		.addColumn('attendance_at', instant)
		.addColumn('feedback_rating', 'integer')
		.addColumn('feedback_comment', 'text')
		.addColumn('feedback_at', instant)
		.addColumn('idempotency_key', 'text', (c) => c.unique())
		.addColumn('request_hash', 'text')
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('event_registration_event_idx')
		.on('event_registration')
		.columns(['event_id', 'status'])
		.execute();
	await db.schema
		.createIndex('event_registration_email_idx')
		.on('event_registration')
		.column('email')
		.execute();
}

/** The tokens of a registration's mails. */
async function registrationTokenTable(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	// Every mail carries its own link; all of a registration's links open the same page.
	await db.schema
		.createTable('event_registration_token')
		.addColumn('id', id, pk)
		.addColumn('registration_id', 'integer', (c) =>
			c.notNull().references('event_registration.id').onDelete('cascade')
		)
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('expires_at', instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('event_registration_token_reg_idx')
		.on('event_registration_token')
		.column('registration_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('event_registration_token').execute();
	await db.schema.dropTable('event_registration').execute();
	await db.schema.dropTable('event').execute();
}
