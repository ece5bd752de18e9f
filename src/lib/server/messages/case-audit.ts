import { type AuditActor, type AuditEntry, recordAudit } from '../audit/index';
import type { Db, Tx } from '../db/transaction';
import type { RequestContext } from '../identity/index';

/**
 * The audit row of every send and read of a conversation, by staff or by the creative: the case
 * is the subject and its office the scope. Data holds counts and ids, never a text or file name.
 * Takes the database too, because a read that changes nothing is audited outside a transaction.
 */
export async function auditConversation(
	db: Db | Tx,
	actor: AuditActor,
	c: { id: number; officeId: number },
	at: { now: Date; ctx: RequestContext },
	action: string,
	data: AuditEntry['data']
): Promise<void> {
	await recordAudit(
		db,
		actor,
		{ action, subject: { kind: 'case', id: c.id }, officeId: c.officeId, data },
		{ now: at.now, requestId: at.ctx.requestId }
	);
}
