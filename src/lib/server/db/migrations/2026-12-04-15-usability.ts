import type { Kysely } from 'kysely';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// Issue 16: the reason a creative gives when cancelling an appointment, as a key from a short
// list (statistics count cancellations by reason; the free-text `cancel_reason` stays for staff).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('booking').addColumn('cancel_reason_key', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('booking').dropColumn('cancel_reason_key').execute();
}
