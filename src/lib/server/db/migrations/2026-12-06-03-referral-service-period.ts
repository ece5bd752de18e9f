import type { Kysely } from 'kysely';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// Issue 14: the statistics page counts a period's referrals per service and status as range
// seeks (statistics/referral-figures.ts). The index on (service_id, status) gains the creation
// time and the case, so each count is read off the index alone; it still serves every lookup
// by service and status it served before.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('referral_service_idx').execute();
	await db.schema
		.createIndex('referral_service_idx')
		.on('referral')
		.columns(['service_id', 'status', 'created_at', 'case_id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('referral_service_idx').execute();
	await db.schema
		.createIndex('referral_service_idx')
		.on('referral')
		.columns(['service_id', 'status'])
		.execute();
}
