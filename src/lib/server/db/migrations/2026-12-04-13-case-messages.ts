import { type Kysely, sql } from 'kysely';
import { idColumn, idType, instantType, isPostgres } from './dialect';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// Issue 18: messages in the case (between the talks), their attachments (bytes in the
// database, so backup and erasure see them), the office's promised answer time with its
// holidays and the reminder lead time, reminders for the creative's own next steps (one per
// step and kind, so two instances send once), and the creative's switch for those reminders.
export async function up(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);
	const blob = isPostgres(db) ? 'bytea' : 'blob';

	await db.schema
		.createTable('office_message_setting')
		.addColumn('office_id', 'integer', (c) =>
			c.primaryKey().notNull().references('office.id').onDelete('cascade')
		)
		.addColumn('answer_days', 'integer', (c) => c.notNull().defaultTo(3))
		.addColumn('reminder_days_before', 'integer', (c) => c.notNull().defaultTo(3))
		// JSON array of Berlin calendar days 'YYYY-MM-DD' on which the office does not work.
		.addColumn('holidays', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('updated_at', instant, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('case_message')
		.addColumn('id', id, pk)
		// The conversation belongs to the case: a hand-over moves it, deleting a case removes it.
		.addColumn('case_id', 'integer', (c) => c.notNull().references('case_file.id').onDelete('cascade'))
		.addColumn('author_kind', 'text', (c) => c.notNull().check(sql`author_kind in ('creative', 'staff')`))
		.addColumn('author_staff_id', 'integer', (c) => c.references('staff_user.id').onDelete('set null'))
		.addColumn('body', 'text', (c) => c.notNull())
		// Double submits of one form create one message.
		.addColumn('idempotency_key', 'text', (c) => c.unique())
		.addColumn('created_at', instant, (c) => c.notNull())
		// Creative's messages: when staff first read it / when staff answered it.
		// Staff messages: when the creative read it (read_at); answered_at stays null.
		.addColumn('read_at', instant)
		.addColumn('answered_at', instant)
		.execute();
	await db.schema
		.createIndex('case_message_case_idx')
		.on('case_message')
		.columns(['case_id', 'created_at'])
		.execute();

	await db.schema
		.createTable('case_message_attachment')
		.addColumn('id', id, pk)
		.addColumn('message_id', 'integer', (c) => c.notNull().references('case_message.id').onDelete('cascade'))
		.addColumn('filename', 'text', (c) => c.notNull())
		.addColumn('mime', 'text', (c) =>
			c.notNull().check(sql`mime in ('application/pdf', 'image/jpeg', 'image/png')`)
		)
		.addColumn('size', 'integer', (c) => c.notNull())
		.addColumn('bytes', blob, (c) => c.notNull())
		.addColumn('created_at', instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('case_message_attachment_message_idx')
		.on('case_message_attachment')
		.column('message_id')
		.execute();

	await db.schema
		.createTable('step_reminder')
		.addColumn('id', id, pk)
		.addColumn('step_id', 'integer', (c) => c.notNull().references('next_step.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('before', 'due')`))
		.addColumn('due_on', 'text', (c) => c.notNull())
		.addColumn('sent_at', instant, (c) => c.notNull())
		// Two instances running the job at once: the second insert does nothing.
		.addUniqueConstraint('step_reminder_once', ['step_id', 'kind'])
		.execute();

	await db.schema
		.alterTable('creative')
		.addColumn('step_reminders', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('creative').dropColumn('step_reminders').execute();
	await db.schema.dropTable('step_reminder').execute();
	await db.schema.dropTable('case_message_attachment').execute();
	await db.schema.dropTable('case_message').execute();
	await db.schema.dropTable('office_message_setting').execute();
}
