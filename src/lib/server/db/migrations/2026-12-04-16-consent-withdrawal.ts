import type { Kysely } from 'kysely';
import { instantType } from './dialect';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// Issue 13, part 3: when the creative last withdrew the notes consent of a case. The consent
// columns are cleared at the same moment; this keeps the date the case page and portal show.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('case_file').addColumn('notes_consent_withdrawn_at', instantType(db)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('case_file').dropColumn('notes_consent_withdrawn_at').execute();
}
