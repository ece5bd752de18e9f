import type { Db, Tx } from '../db/transaction';
import { attachmentsOfMessagesQuery, messagesOfCasesQuery } from './message-rows';

/**
 * Messages and their files are the creative's personal data (privacy/coverage.ts). The
 * portal's export and account deletion call these with the creative's case ids.
 */
const iso = (v: number | string | null | undefined) => (v == null ? null : new Date(Number(v)).toISOString());

export async function exportMessages(db: Db | Tx, caseIds: number[]) {
	if (caseIds.length === 0) return { case_message: [], case_message_attachment: [], step_reminder: [] };
	const messages = await messagesOfCasesQuery(db, caseIds).orderBy('m.id').execute();
	const ids = messages.map((m) => Number(m.id));
	const files =
		ids.length === 0
			? []
			: await attachmentsOfMessagesQuery(db, ids).select(['bytes', 'created_at']).execute();
	const reminders = await db
		.selectFrom('step_reminder as r')
		.innerJoin('next_step as s', 's.id', 'r.step_id')
		.select(['r.step_id', 'r.kind', 'r.due_on', 'r.sent_at'])
		.where('s.case_id', 'in', caseIds)
		.orderBy('r.id')
		.execute();
	return {
		case_message: messages.map((m) => ({
			id: Number(m.id),
			case_id: Number(m.case_id),
			from: m.author_kind,
			body: m.body,
			sent_at: iso(m.created_at),
			read_at: iso(m.read_at),
			answered_at: iso(m.answered_at)
		})),
		case_message_attachment: files.map((f) => ({
			id: Number(f.id),
			message_id: Number(f.message_id),
			filename: f.filename,
			mime: f.mime,
			size: Number(f.size),
			base64: Buffer.from(f.bytes).toString('base64'),
			created_at: iso(f.created_at)
		})),
		step_reminder: reminders.map((r) => ({
			step_id: Number(r.step_id),
			kind: r.kind,
			due_on: r.due_on,
			sent_at: iso(r.sent_at)
		}))
	};
}

/**
 * Erasure: every file of the conversations deleted, every text emptied. Who wrote and when
 * stays (no words, no name), so the office's answer-time figures keep their history.
 */
export async function eraseMessages(trx: Tx, caseIds: number[]): Promise<void> {
	if (caseIds.length === 0) return;
	const ids = (
		await trx.selectFrom('case_message').select('id').where('case_id', 'in', caseIds).execute()
	).map((m) => Number(m.id));
	if (ids.length === 0) return;
	await trx.deleteFrom('case_message_attachment').where('message_id', 'in', ids).execute();
	await trx
		.updateTable('case_message')
		.set({ body: '', idempotency_key: null })
		.where('id', 'in', ids)
		.execute();
}
