import type { Kysely } from 'kysely';
import { instantType } from './dialect';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// Issue 16: joining a waiting list is confirmed by e-mail (double opt-in) before the person can be
// offered a place; unconfirmed waiters lapse after 24 h. Link tokens get a purpose, so the
// waiting-list confirmation link can do that one thing and nothing else.
// Deregistering from an event takes an optional reason key (the list of booking cancellations).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('event_registration')
		.addColumn('waitlist_confirmed_at', instantType(db))
		.execute();
	await db.schema.alterTable('event_registration').addColumn('cancel_reason_key', 'text').execute();
	// Whoever waits today joined under the old rules, where joining needed no confirmation.
	await db
		.updateTable('event_registration')
		.set((eb) => ({ waitlist_confirmed_at: eb.ref('waitlisted_at') }))
		.where('waitlisted_at', 'is not', null)
		.execute();
	await db.schema
		.alterTable('event_registration_token')
		.addColumn('purpose', 'text', (c) => c.notNull().defaultTo('manage'))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.deleteFrom('event_registration_token').where('purpose', '<>', 'manage').execute();
	await db.schema.alterTable('event_registration_token').dropColumn('purpose').execute();
	await db.schema.alterTable('event_registration').dropColumn('cancel_reason_key').execute();
	await db.schema.alterTable('event_registration').dropColumn('waitlist_confirmed_at').execute();
}
