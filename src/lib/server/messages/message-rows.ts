import type { Db, Tx } from '../db/transaction';

/**
 * The reads of stored messages that the conversation pages and the personal-data export share:
 * which columns make a message (never its idempotency key) and which make a file's description.
 * The bytes of a file are read only where they leave the system (export, download).
 */
const MESSAGE_COLUMNS = [
	'm.id',
	'm.case_id',
	'm.author_kind',
	'm.body',
	'm.created_at',
	'm.read_at',
	'm.answered_at'
] as const;

/** The messages of the given cases; the callers order them and join what they show beside. */
export function messagesOfCasesQuery(db: Db | Tx, caseIds: number[]) {
	return db.selectFrom('case_message as m').select(MESSAGE_COLUMNS).where('m.case_id', 'in', caseIds);
}

/** The files of the given messages without their bytes, oldest first; callers skip it for no ids. */
export function attachmentsOfMessagesQuery(db: Db | Tx, messageIds: number[]) {
	return db
		.selectFrom('case_message_attachment')
		.select(['id', 'message_id', 'filename', 'mime', 'size'])
		.where('message_id', 'in', messageIds)
		.orderBy('id');
}
