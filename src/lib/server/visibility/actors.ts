import { type AuditActor, type AuditEntry, recordAudit } from '../audit/index';
import type { Db, Tx } from '../db/transaction';
import type { RequestContext } from '../identity/index';
import { parseJsonArray } from '../platform/json-array';

/** What this domain's audit rows are about. */
export type VisibilitySubject = 'profile' | 'project_request' | 'introduction' | 'decision_maker';

/**
 * The one audit row of a visibility command: one subject of this domain, the office it belongs
 * to, stamped with the command's clock and request id, in the caller's transaction.
 */
export function auditVisibility(
	trx: Tx | Db,
	now: Date,
	ctx: RequestContext,
	actor: AuditActor,
	action: string,
	on: { kind: VisibilitySubject; id: number; officeId: number | null; data?: AuditEntry['data'] }
): Promise<void> {
	return recordAudit(
		trx,
		actor,
		{ action, subject: { kind: on.kind, id: on.id }, officeId: on.officeId, data: on.data },
		{ now, requestId: ctx.requestId }
	);
}

/** Audit actors of this domain (creatives are labelled by id, never by e-mail). */
export const creativeActor = (creativeId: number): AuditActor => ({
	kind: 'creative',
	id: creativeId,
	label: `creative ${creativeId}`
});

export const staffActor = (staff: { id: number; email: string }): AuditActor => ({
	kind: 'staff',
	id: staff.id,
	label: staff.email
});

/** Decision makers have no account: their rows name them by id. */
export const decisionMakerActor = (id: number): AuditActor => ({
	kind: 'anonymous',
	id: null,
	label: `decision_maker ${id}`
});

export const publicActor: AuditActor = { kind: 'anonymous', id: null, label: 'public' };

/** A stored list of strings (sub-markets, services, links): NULL or damaged text reads as empty. */
export function storedStrings(text: string | null | undefined): string[] {
	return parseJsonArray(text ?? '[]', (x): x is string => typeof x === 'string');
}
