import { type Kysely, sql } from 'kysely';
import { idColumn, idType, instantType, isPostgres } from './dialect';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
	await bookingSettingTable(db);
	await availabilityTables(db);
	await sprechtagTable(db);
	await consentTextTable(db);
	await bookingTable(db);
	await noDoubleBooking(db);
}

/** Booking settings per office. */
async function bookingSettingTable(db: Kysely<any>): Promise<void> {
	const instant = instantType(db);

	// Booking settings per office (one row per office; defaults from DOMAIN.md and the issue).
	await db.schema
		.createTable('office_booking_setting')
		.addColumn('office_id', 'integer', (c) =>
			c.primaryKey().notNull().references('office.id').onDelete('cascade')
		)
		.addColumn('duration_office', 'integer', (c) => c.notNull().defaultTo(60))
		.addColumn('duration_phone', 'integer', (c) => c.notNull().defaultTo(60))
		.addColumn('duration_video', 'integer', (c) => c.notNull().defaultTo(60))
		.addColumn('duration_sprechtag', 'integer', (c) => c.notNull().defaultTo(45))
		.addColumn('buffer_minutes', 'integer', (c) => c.notNull().defaultTo(15))
		.addColumn('min_notice_minutes', 'integer', (c) => c.notNull().defaultTo(24 * 60))
		.addColumn('horizon_days', 'integer', (c) => c.notNull().defaultTo(56))
		.addColumn('change_notice_minutes', 'integer', (c) => c.notNull().defaultTo(24 * 60))
		.addColumn('reminder_hours', 'integer', (c) => c.notNull().defaultTo(24))
		.addColumn('updated_at', instant, (c) => c.notNull())
		.execute();
}

/** Weekly hours, dated exceptions and absences of consultants. */
async function availabilityTables(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	// Weekly hours of a consultant, per office and format, in Europe/Berlin wall-clock time.
	await db.schema
		.createTable('availability_rule')
		.addColumn('id', id, pk)
		.addColumn('consultant_id', 'integer', (c) => c.notNull().references('staff_user.id').onDelete('cascade'))
		.addColumn('office_id', 'integer', (c) => c.notNull().references('office.id').onDelete('cascade'))
		.addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('office', 'phone', 'video')`))
		.addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
		.addColumn('start_time', 'text', (c) => c.notNull())
		.addColumn('end_time', 'text', (c) => c.notNull())
		.addColumn('valid_from', 'text')
		.addColumn('valid_to', 'text')
		.addColumn('created_at', instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('availability_rule_consultant_idx')
		.on('availability_rule')
		.columns(['consultant_id', 'office_id'])
		.execute();

	// A date that differs from the weekly pattern: extra hours, or a day (or part) blocked.
	await db.schema
		.createTable('availability_override')
		.addColumn('id', id, pk)
		.addColumn('consultant_id', 'integer', (c) => c.notNull().references('staff_user.id').onDelete('cascade'))
		.addColumn('office_id', 'integer', (c) => c.notNull().references('office.id').onDelete('cascade'))
		.addColumn('date', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('extra', 'blocked')`))
		.addColumn('format', 'text', (c) =>
			c.check(sql`format is null or format in ('office', 'phone', 'video')`)
		)
		.addColumn('start_time', 'text')
		.addColumn('end_time', 'text')
		.addColumn('created_at', instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('availability_override_idx')
		.on('availability_override')
		.columns(['consultant_id', 'date'])
		.execute();

	// Holidays, illness, training: no slots in [start_at, end_at).
	await db.schema
		.createTable('absence')
		.addColumn('id', id, pk)
		.addColumn('consultant_id', 'integer', (c) => c.notNull().references('staff_user.id').onDelete('cascade'))
		.addColumn('start_at', instant, (c) => c.notNull())
		.addColumn('end_at', instant, (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('holiday', 'illness', 'other')`))
		.addColumn('created_by', 'integer')
		.addColumn('created_at', instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('absence_consultant_idx')
		.on('absence')
		.columns(['consultant_id', 'start_at'])
		.execute();
}

/** Sprechtage at external venues. */
async function sprechtagTable(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	// A dated advice day at an external venue with its own slots.
	await db.schema
		.createTable('sprechtag')
		.addColumn('id', id, pk)
		.addColumn('office_id', 'integer', (c) => c.notNull().references('office.id').onDelete('cascade'))
		.addColumn('consultant_id', 'integer', (c) => c.notNull().references('staff_user.id'))
		.addColumn('date', 'text', (c) => c.notNull())
		.addColumn('start_time', 'text', (c) => c.notNull())
		.addColumn('end_time', 'text', (c) => c.notNull())
		.addColumn('town', 'text', (c) => c.notNull())
		.addColumn('venue', 'text', (c) => c.notNull())
		.addColumn('address', 'text', (c) => c.notNull())
		.addColumn('accessibility', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('status', 'text', (c) =>
			c.notNull().defaultTo('planned').check(sql`status in ('planned', 'cancelled')`)
		)
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('sprechtag_office_date_idx')
		.on('sprechtag')
		.columns(['office_id', 'date'])
		.execute();
}

/** Versioned consent texts. */
async function consentTextTable(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	// Versioned consent texts; a booking stores which version was shown.
	await db.schema
		.createTable('consent_text')
		.addColumn('id', id, pk)
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('processing', 'notes', 'news')`))
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('text_de', 'text', (c) => c.notNull())
		.addColumn('text_en', 'text', (c) => c.notNull())
		.addColumn('created_at', instant, (c) => c.notNull())
		.addUniqueConstraint('consent_text_version', ['kind', 'version'])
		.execute();
}

/** Bookings and their indexes. */
async function bookingTable(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	await db.schema
		.createTable('booking')
		.addColumn('id', id, pk)
		.addColumn('office_id', 'integer', (c) => c.notNull().references('office.id'))
		.addColumn('consultant_id', 'integer', (c) => c.notNull().references('staff_user.id'))
		.addColumn('format', 'text', (c) =>
			c.notNull().check(sql`format in ('office', 'phone', 'video', 'sprechtag')`)
		)
		.addColumn('sprechtag_id', 'integer', (c) => c.references('sprechtag.id'))
		.addColumn('kind', 'text', (c) =>
			c.notNull().defaultTo('first').check(sql`kind in ('first', 'follow_up')`)
		)
		.addColumn('start_at', instant, (c) => c.notNull())
		.addColumn('end_at', instant, (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('held', 'confirmed', 'cancelled', 'expired', 'attended', 'no_show')`)
		)
		.addColumn('hold_expires_at', instant)
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('phone', 'text')
		.addColumn('postcode', 'text')
		.addColumn('land_iso', 'text', (c) => c.notNull().references('land.iso'))
		.addColumn('submarket', 'text', (c) => c.notNull())
		.addColumn('stage', 'text', (c) => c.notNull())
		.addColumn('topics', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('concern', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('heard_from', 'text')
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('de'))
		.addColumn('consent_processing_version', 'integer', (c) => c.notNull())
		.addColumn('consent_notes_version', 'integer')
		.addColumn('consent_news_version', 'integer')
		.addColumn('consented_at', instant, (c) => c.notNull())
		.addColumn('confirm_token_hash', 'text')
		.addColumn('manage_token_hash', 'text', (c) => c.unique())
		.addColumn('manage_token_expires_at', instant)
		.addColumn('video_url', 'text')
		.addColumn('ics_sequence', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('idempotency_key', 'text', (c) => c.unique())
		.addColumn('request_hash', 'text')
		.addColumn('created_by', 'integer')
		.addColumn('confirmed_at', instant)
		.addColumn('cancelled_at', instant)
		.addColumn('cancel_reason', 'text')
		.addColumn('reminder_sent_at', instant)
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.addCheckConstraint('booking_time_order', sql`end_at > start_at`)
		.execute();
	await db.schema
		.createIndex('booking_consultant_time_idx')
		.on('booking')
		.columns(['consultant_id', 'start_at'])
		.execute();
	await db.schema
		.createIndex('booking_office_time_idx')
		.on('booking')
		.columns(['office_id', 'start_at'])
		.execute();
	await db.schema.createIndex('booking_email_idx').on('booking').columns(['email', 'status']).execute();
	await db.schema
		.createIndex('booking_status_hold_idx')
		.on('booking')
		.columns(['status', 'hold_expires_at'])
		.execute();
	await db.schema
		.createIndex('booking_confirm_token_idx')
		.on('booking')
		.column('confirm_token_hash')
		.execute();
}

/** No double booking, guaranteed by the database. */
async function noDoubleBooking(db: Kysely<any>): Promise<void> {
	const pg = isPostgres(db);

	// No double booking, guaranteed by the database: a consultant's active bookings (held or
	// confirmed) never overlap. Expired holds are set to 'expired' before a new hold is checked.
	if (pg) {
		await sql`create extension if not exists btree_gist`.execute(db);
		await sql`alter table booking add constraint booking_no_overlap exclude using gist
			(consultant_id with =, int8range(start_at, end_at) with &&) where (status in ('held', 'confirmed'))`.execute(
			db
		);
	} else {
		for (const [name, when] of [
			['booking_no_overlap_insert', 'before insert on booking'],
			['booking_no_overlap_update', 'before update of start_at, end_at, status, consultant_id on booking']
		] as const) {
			await sql
				.raw(`create trigger ${name} ${when}
				when new.status in ('held', 'confirmed')
				begin
					select raise(abort, 'booking_no_overlap')
					where exists (
						select 1 from booking b
						where b.consultant_id = new.consultant_id
							and b.id is not new.id
							and b.status in ('held', 'confirmed')
							and b.start_at < new.end_at and new.start_at < b.end_at
					);
				end`)
				.execute(db);
		}
	}
}

export async function down(): Promise<void> {
	throw new Error('Booking migration cannot be reverted; restore a backup instead.');
}
