import { type AuditActor, type AuditEntry, recordAudit } from '../audit/index';
import type { OfficeScope } from '../access/scope';
import type { Updateable } from 'kysely';
import type { CaseFileTable, CloseReason } from '../db/schema';
import { type Db, type Tx, transactNow } from '../db/transaction';
import { addCaseEvent, type CaseEventKind } from './case-events';
import type { Services } from '../runtime';
import { type CaseRecord, caseFor } from './load';
import type { RequestContext } from '../identity/index';
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

/** The audit row of an act on one case (a change in its transaction, or a read on the database). */
export async function auditCase(
	trx: Tx | Db,
	actor: CaseActor,
	caseId: number,
	officeId: number,
	action: string,
	data: AuditEntry['data'],
	now: Date,
	ctx: RequestContext
): Promise<void> {
	await recordCaseAudit(trx, auditActorOf(actor), { id: caseId, officeId }, action, data, {
		now,
		requestId: ctx.requestId
	});
}

/** The audit row of an act on one case by any actor (staff, the creative, the system jobs); the case's office scopes it. */
export function recordCaseAudit(
	trx: Tx | Db,
	actor: AuditActor,
	c: { id: number; officeId: number },
	action: string,
	data: AuditEntry['data'],
	context: { now: Date; requestId?: string | null }
): Promise<void> {
	return recordAudit(
		trx,
		actor,
		{ action, subject: { kind: 'case', id: c.id }, officeId: c.officeId, data },
		context
	);
}

/**
 * The frame of every staff command on one case: one transaction, the case loaded and checked
 * against the actor (missing or not theirs → `not_found`), and closed cases refused unless the
 * command is about closure itself.
 */
export async function withCase<R>(
	services: Services,
	actor: CaseActor,
	scope: OfficeScope,
	caseId: number,
	options: { closed: 'refuse' | 'allow' },
	work: (trx: Tx, c: CaseRecord, now: Date) => Promise<R>
): Promise<R | { ok: false; reason: 'not_found' | 'closed' }> {
	return transactNow(services, async (trx, now) => {
		const c = await caseFor(trx, actor, scope, caseId);
		if (!c) return { ok: false as const, reason: 'not_found' as const };
		if (options.closed === 'refuse' && c.status === 'closed')
			return { ok: false as const, reason: 'closed' as const };
		return work(trx, c, now);
	});
}

/** The columns a closure sets, by staff (closeCase) or by itself (no talk took place). */
export function closedColumns(reason: CloseReason, outcome: string | null, at: number) {
	return {
		status: 'closed' as const,
		closed_at: at,
		close_reason: reason,
		close_outcome: outcome,
		next_contact_due_at: null,
		updated_at: at
	};
}

/** What a staff command on one case works with, handed over in one piece. */
export interface CaseStep<I> {
	trx: Tx;
	c: CaseRecord;
	now: Date;
	actor: CaseActor;
	input: I;
	ctx: RequestContext;
}

/**
 * A staff command on one case, called as every such command is (services, actor, scope, input
 * with the case id, request context, and what else the command takes), in the `withCase` frame.
 */
export function caseCommand<I extends { caseId: number }, X extends unknown[] = []>(
	options: { closed: 'refuse' | 'allow' },
	work: (step: CaseStep<I>, ...extra: X) => Promise<CaseResult>
) {
	return (
		services: Services,
		actor: CaseActor,
		scope: OfficeScope,
		input: I,
		ctx: RequestContext = {},
		...extra: X
	): Promise<CaseResult> =>
		withCase(services, actor, scope, input.caseId, options, (trx, c, now) =>
			work({ trx, c, now, actor, input, ctx }, ...extra)
		);
}

/** The audit row of a staff command on one case. */
export function auditStep(
	step: Pick<CaseStep<unknown>, 'trx' | 'c' | 'now' | 'actor' | 'ctx'>,
	action: string,
	data: AuditEntry['data']
): Promise<void> {
	return auditCase(step.trx, step.actor, step.c.id, step.c.officeId, action, data, step.now, step.ctx);
}

/**
 * The common end of a staff change to one case: the case row updated, an optional timeline entry
 * and the audit row, all in the command's transaction.
 */
export async function changeCase(
	step: Pick<CaseStep<unknown>, 'trx' | 'c' | 'now' | 'actor' | 'ctx'>,
	change: {
		set: Omit<Updateable<CaseFileTable>, 'updated_at'>;
		event?: { kind: CaseEventKind; data?: Parameters<typeof addCaseEvent>[5] };
		audit: { action: string; data?: AuditEntry['data'] };
	}
): Promise<{ ok: true; caseId: number }> {
	const { trx, c, now, actor } = step;
	await trx
		.updateTable('case_file')
		.set({ ...change.set, updated_at: now.getTime() })
		.where('id', '=', c.id)
		.execute();
	if (change.event)
		await addCaseEvent(
			trx,
			c.id,
			change.event.kind,
			{ kind: 'staff', id: actor.id },
			now,
			change.event.data ?? {}
		);
	await auditStep(step, change.audit.action, change.audit.data ?? {});
	return { ok: true, caseId: c.id };
}
