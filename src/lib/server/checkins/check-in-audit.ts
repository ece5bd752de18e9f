import { type AuditActor, type AuditEntry, recordAudit } from '../audit/index';
import type { Tx } from '../db/transaction';
import type { RequestContext } from '../identity/index';

type Id = number | string;

/**
 * The audit row of a step in a check-in's life (answered by the creative, seen by staff), from
 * the check-in's loaded row: the check-in is the subject, its case's office the scope, and the
 * data always names the case. Extra data holds ids and counts, never the answer's texts.
 */
export async function auditCheckIn(
	trx: Tx,
	actor: AuditActor,
	row: { id: Id; case_id: Id; office_id: Id },
	at: { now: Date; ctx: RequestContext },
	action: string,
	extra: AuditEntry['data'] = {}
): Promise<void> {
	const subject = { kind: 'check_in', id: Number(row.id) };
	const data = { caseId: Number(row.case_id), ...extra };
	const context = { now: at.now, requestId: at.ctx.requestId };
	await recordAudit(trx, actor, { action, subject, officeId: Number(row.office_id), data }, context);
}
