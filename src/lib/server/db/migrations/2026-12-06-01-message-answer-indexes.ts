import { type Kysely, sql } from 'kysely';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// Issue 14: the statistics page's answer times (messages/stats.ts) read creatives' messages by
// when they were written (answered ones of the period) and those still waiting for an answer.
// Without an index of their own the planner started from the case files instead: 300k case files
// looked up to find a handful of messages (17 ms without table statistics, 36 ms with sampled
// ones, on the national bench database). The partial index holds only the waiting messages.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('case_message_author_created_idx')
		.on('case_message')
		.columns(['author_kind', 'created_at', 'case_id', 'answered_at'])
		.execute();
	await db.schema
		.createIndex('case_message_waiting_idx')
		.on('case_message')
		.columns(['case_id', 'created_at'])
		.where((eb) =>
			eb.and([eb(sql.ref('author_kind'), '=', 'creative'), eb(sql.ref('answered_at'), 'is', null)])
		)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('case_message_waiting_idx').execute();
	await db.schema.dropIndex('case_message_author_created_idx').execute();
}
