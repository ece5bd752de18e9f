import { type Kysely, sql } from 'kysely';
import { idColumn, idType, instantType, isPostgres } from './dialect';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// Visibility (issue 7): opt-in public profiles of creatives with one image (re-encoded bytes in
// the database, so every instance serves them), reports, decision makers and their requests
// (Gesuche), and the introductions consultants broker between the two. Consent texts for
// publishing a profile, relaying a contact message and posting a request are versioned here.
export async function up(db: Kysely<any>): Promise<void> {
	await profileTables(db);
	await profileImageAndReportTables(db);
	await decisionMakerTable(db);
	await projectRequestTable(db);
	await introductionTable(db);
}

/** The visibility consent texts and the public profiles. */
async function profileTables(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	await db.schema
		.createTable('visibility_consent_text')
		.addColumn('id', id, pk)
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('profile', 'contact_relay', 'request')`))
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('text_de', 'text', (c) => c.notNull())
		.addColumn('text_en', 'text', (c) => c.notNull())
		.addColumn('created_at', instant, (c) => c.notNull())
		.addUniqueConstraint('visibility_consent_text_version', ['kind', 'version'])
		.execute();

	await db.schema
		.createTable('profile')
		.addColumn('id', id, pk)
		.addColumn('creative_id', 'integer', (c) => c.notNull().unique().references('creative.id'))
		.addColumn('office_id', 'integer', (c) => c.references('office.id'))
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('person', 'studio')`))
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('submarkets', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('land_iso', 'text', (c) => c.notNull())
		.addColumn('town', 'text', (c) => c.notNull())
		.addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('services', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('contact_preference', 'text', (c) =>
			c.notNull().check(sql`contact_preference in ('form', 'office')`)
		)
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('draft', 'pending', 'published', 'rejected')`)
		)
		.addColumn('publish_consent_version', 'integer')
		.addColumn('publish_consented_at', instant)
		.addColumn('submitted_at', instant)
		.addColumn('approved_at', instant)
		.addColumn('first_approved_at', instant)
		.addColumn('moderated_by', 'integer', (c) => c.references('staff_user.id').onDelete('set null'))
		.addColumn('reject_reason', 'text')
		.addColumn('hidden_at', instant)
		.addColumn('hidden_reason', 'text')
		.addColumn('hidden_by', 'integer', (c) => c.references('staff_user.id').onDelete('set null'))
		.addColumn('open_until', instant)
		.addColumn('open_reminder_sent_at', instant)
		.addColumn('erased_at', instant)
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('profile_status_idx').on('profile').columns(['status', 'office_id']).execute();
}

/** Profile images and reports about profiles. */
async function profileImageAndReportTables(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);
	const blob = isPostgres(db) ? 'bytea' : 'blob';

	await db.schema
		.createTable('profile_image')
		.addColumn('id', id, pk)
		.addColumn('profile_id', 'integer', (c) => c.notNull().unique().references('profile.id'))
		.addColumn('mime', 'text', (c) => c.notNull().check(sql`mime in ('image/jpeg', 'image/png')`))
		.addColumn('bytes', blob, (c) => c.notNull())
		.addColumn('width', 'integer', (c) => c.notNull())
		.addColumn('height', 'integer', (c) => c.notNull())
		.addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', instant, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('profile_report')
		.addColumn('id', id, pk)
		.addColumn('profile_id', 'integer', (c) => c.notNull().references('profile.id'))
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('resolved_at', instant)
		.addColumn('resolved_by', 'integer', (c) => c.references('staff_user.id').onDelete('set null'))
		.addColumn('resolution', 'text', (c) =>
			c.check(sql`resolution is null or resolution in ('hidden', 'dismissed')`)
		)
		.execute();
	await db.schema
		.createIndex('profile_report_open_idx')
		.on('profile_report')
		.columns(['profile_id', 'resolved_at'])
		.execute();
}

/** Decision makers an office introduces creatives to. */
async function decisionMakerTable(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	await db.schema
		.createTable('decision_maker')
		.addColumn('id', id, pk)
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('email_verified_at', instant)
		.addColumn('organisation', 'text', (c) => c.notNull())
		.addColumn('org_type', 'text', (c) =>
			c.notNull().check(sql`org_type in ('municipality', 'company', 'institution', 'agency')`)
		)
		.addColumn('contact_name', 'text', (c) => c.notNull())
		.addColumn('phone', 'text')
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('de'))
		.addColumn('consent_version', 'integer', (c) => c.notNull())
		.addColumn('erased_at', instant)
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.execute();
}

/** Project requests of decision makers. */
async function projectRequestTable(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	await db.schema
		.createTable('project_request')
		.addColumn('id', id, pk)
		.addColumn('decision_maker_id', 'integer', (c) => c.notNull().references('decision_maker.id'))
		.addColumn('office_id', 'integer', (c) => c.notNull().references('office.id'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('submarkets', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('land_iso', 'text', (c) => c.notNull())
		.addColumn('region', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('budget_min', 'integer')
		.addColumn('budget_max', 'integer')
		.addColumn('deadline', 'text')
		.addColumn('visibility', 'text', (c) => c.notNull().check(sql`visibility in ('public', 'private')`))
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('unverified', 'pending', 'open', 'rejected', 'closed')`)
		)
		.addColumn('reject_reason', 'text')
		.addColumn('moderated_by', 'integer', (c) => c.references('staff_user.id').onDelete('set null'))
		.addColumn('idempotency_key', 'text', (c) => c.unique())
		.addColumn('verified_at', instant)
		.addColumn('approved_at', instant)
		.addColumn('closed_at', instant)
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('project_request_office_idx')
		.on('project_request')
		.columns(['office_id', 'status'])
		.execute();
}

/** Introductions of creatives to decision makers. */
async function introductionTable(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	await db.schema
		.createTable('introduction')
		.addColumn('id', id, pk)
		.addColumn('request_id', 'integer', (c) => c.notNull().references('project_request.id'))
		.addColumn('office_id', 'integer', (c) => c.notNull().references('office.id'))
		.addColumn('creative_id', 'integer', (c) => c.notNull().references('creative.id'))
		.addColumn('profile_id', 'integer', (c) => c.references('profile.id'))
		.addColumn('case_id', 'integer', (c) => c.references('case_file.id'))
		.addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('consultant', 'creative')`))
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('interest', 'proposed', 'accepted', 'declined', 'withdrawn')`)
		)
		.addColumn('consultant_message', 'text')
		.addColumn('creative_message', 'text')
		.addColumn('token_hash', 'text', (c) => c.unique())
		.addColumn('token_expires_at', instant)
		.addColumn('proposed_by', 'integer', (c) => c.references('staff_user.id').onDelete('set null'))
		.addColumn('proposed_at', instant)
		.addColumn('responded_at', instant)
		.addColumn('outcome', 'text', (c) =>
			c.check(sql`outcome is null or outcome in ('met', 'cooperation', 'no_fit')`)
		)
		.addColumn('outcome_at', instant)
		.addColumn('outcome_by', 'integer', (c) => c.references('staff_user.id').onDelete('set null'))
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.addUniqueConstraint('introduction_request_creative', ['request_id', 'creative_id'])
		.execute();
	await db.schema
		.createIndex('introduction_office_idx')
		.on('introduction')
		.columns(['office_id', 'status'])
		.execute();
	await db.schema.createIndex('introduction_creative_idx').on('introduction').column('creative_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'introduction',
		'project_request',
		'decision_maker',
		'profile_report',
		'profile_image',
		'profile',
		'visibility_consent_text'
	])
		await db.schema.dropTable(table).execute();
}
