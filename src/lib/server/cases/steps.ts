import type { AuditActor } from '../audit/index';
import { transactNow, type Tx } from '../db/transaction';
import type { RequestContext } from '../identity/index';
import type { Services } from '../runtime';
import { auditActorOf } from './case-actor';
import { addCaseEvent } from './case-events';
import { auditStep, type CaseResult, caseCommand, recordCaseAudit } from './commands-shared';
import type { NextStepInput } from './record';

/** A next step added on the case page (outside a consultation record). */
export const addNextStep = caseCommand<{ caseId: number; step: NextStepInput; shared: boolean }>(
	{ closed: 'refuse' },
	async (step) => {
		const { trx, c, now, input } = step;
		const row = await trx
			.insertInto('next_step')
			.values({
				case_id: c.id,
				record_id: null,
				text: input.step.text,
				owner: input.step.owner,
				due_on: input.step.dueOn,
				shared: input.shared ? 1 : 0,
				done_at: null,
				done_by_kind: null,
				created_at: now.getTime()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await auditStep(step, 'case.step_added', { stepId: Number(row.id) });
		return { ok: true, caseId: c.id };
	}
);

/** Who ticks a step: on the timeline (staff or creative) and in the audit log. */
type Ticker = { kind: 'staff' | 'creative'; id: number; audit: AuditActor };

/**
 * Ticks a step of a case off (or undoes it), for staff and creative alike. Only a change writes:
 * the timeline entry (when done) and the audit row; a repeated click changes nothing.
 */
async function tickStep(
	trx: Tx,
	step: { id: number; caseId: number; officeId: number },
	done: boolean,
	by: Ticker,
	now: Date,
	ctx: RequestContext
): Promise<void> {
	const res = await trx
		.updateTable('next_step')
		.set(done ? { done_at: now.getTime(), done_by_kind: by.kind } : { done_at: null, done_by_kind: null })
		.where('id', '=', step.id)
		.where('case_id', '=', step.caseId)
		.where('done_at', done ? 'is' : 'is not', null)
		.executeTakeFirst();
	if (Number(res.numUpdatedRows) !== 1) return;
	if (done)
		await addCaseEvent(trx, step.caseId, 'step_done', { kind: by.kind, id: by.id }, now, { stepId: step.id });
	await recordCaseAudit(
		trx,
		by.audit,
		{ id: step.caseId, officeId: step.officeId },
		done ? 'case.step_done' : 'case.step_reopened',
		{ stepId: step.id },
		{ now, requestId: ctx.requestId }
	);
}

/** Staff tick a step off (or undo it). */
export const setStepDoneByStaff = caseCommand<{ caseId: number; stepId: number; done: boolean }>(
	{ closed: 'refuse' },
	async ({ trx, c, now, actor, input, ctx }): Promise<CaseResult> => {
		const by: Ticker = { kind: 'staff', id: actor.id, audit: auditActorOf(actor) };
		await tickStep(trx, { id: input.stepId, caseId: c.id, officeId: c.officeId }, input.done, by, now, ctx);
		return { ok: true, caseId: c.id };
	}
);

/** The creative ticks a shared step off in the portal (their own case only). */
export async function setStepDoneByCreative(
	services: Services,
	creativeId: number,
	input: { stepId: number; done: boolean },
	ctx: RequestContext = {}
): Promise<{ ok: boolean }> {
	return transactNow(services, async (trx, now) => {
		const step = await trx
			.selectFrom('next_step as s')
			.innerJoin('case_file as c', 'c.id', 's.case_id')
			.select(['s.id', 's.case_id', 'c.office_id', 'c.status'])
			.where('s.id', '=', input.stepId)
			.where('c.creative_id', '=', creativeId)
			.where('s.shared', '=', 1)
			.executeTakeFirst();
		if (!step || step.status === 'closed') return { ok: false };
		const by: Ticker = {
			kind: 'creative',
			id: creativeId,
			audit: { kind: 'creative', id: creativeId, label: `creative ${creativeId}` }
		};
		const found = { id: Number(step.id), caseId: Number(step.case_id), officeId: Number(step.office_id) };
		await tickStep(trx, found, input.done, by, now, ctx);
		return { ok: true };
	});
}
