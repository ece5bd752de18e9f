import { type AuditEntry, recordAudit } from '../audit/record';
import type { Tx } from '../db/transaction';
import type { RequestContext } from '../identity/context';
import { auditActorOf, type CaseActor } from './case-actor';

/** What the case commands answer. `not_found` also covers "not yours to see" (no leak). */
export type CaseResult =
	| { ok: true; caseId: number }
	| {
			ok: false;
			reason:
				| 'not_found'
				| 'closed'
				| 'not_closed'
				| 'forbidden'
				| 'invalid_target'
				| 'no_consent'
				| 'booking_invalid'
				| 'already_recorded'
				| 'exists';
			caseId?: number;
	  };

export async function auditCase(
	trx: Tx,
	actor: CaseActor,
	caseId: number,
	officeId: number,
	action: string,
	data: AuditEntry['data'],
	now: Date,
	ctx: RequestContext
): Promise<void> {
	await recordAudit(
		trx,
		auditActorOf(actor),
		{ action, subject: { kind: 'case', id: caseId }, officeId, data },
		{ now, requestId: ctx.requestId }
	);
}
