import type { Kysely } from 'kysely';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// A calendar invitation (iCalendar text, METHOD:REQUEST or CANCEL) that the SMTP transport
// attaches as termin.ics. Null for mails without one.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('outbox').addColumn('ics', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('outbox').dropColumn('ics').execute();
}
