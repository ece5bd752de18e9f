import type { OfficeScope } from '../access/scope';
import { recordAudit } from '../audit/index';
import { transact } from '../db/transaction';
import type { RequestContext } from '../identity/index';
import type { Services } from '../runtime';
import type { CaseActor } from './case-actor';
import { addCaseEvent } from './case-events';
import { auditCase, type CaseResult, withCase } from './commands-shared';
import type { NextStepInput } from './record';

/** A next step added on the case page (outside a consultation record). */
export async function addNextStep(
	services: Services,
	actor: CaseActor,
	scope: OfficeScope,
	input: { caseId: number; step: NextStepInput; shared: boolean },
	ctx: RequestContext = {}
): Promise<CaseResult> {
	return withCase(
		services,
		actor,
		scope,
		input.caseId,
		{ closed: 'refuse' },
		async (trx, c, now): Promise<CaseResult> => {
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
			await auditCase(trx, actor, c.id, c.officeId, 'case.step_added', { stepId: Number(row.id) }, now, ctx);
			return { ok: true, caseId: c.id };
		}
	);
}

/** Staff tick a step off (or undo it). */
export async function setStepDoneByStaff(
	services: Services,
	actor: CaseActor,
	scope: OfficeScope,
	input: { caseId: number; stepId: number; done: boolean },
	ctx: RequestContext = {}
): Promise<CaseResult> {
	return withCase(
		services,
		actor,
		scope,
		input.caseId,
		{ closed: 'refuse' },
		async (trx, c, now): Promise<CaseResult> => {
			const res = await trx
				.updateTable('next_step')
				.set(
					input.done
						? { done_at: now.getTime(), done_by_kind: 'staff' }
						: { done_at: null, done_by_kind: null }
				)
				.where('id', '=', input.stepId)
				.where('case_id', '=', c.id)
				.where('done_at', input.done ? 'is' : 'is not', null)
				.executeTakeFirst();
			if (Number(res.numUpdatedRows) === 1) {
				if (input.done)
					await addCaseEvent(trx, c.id, 'step_done', { kind: 'staff', id: actor.id }, now, {
						stepId: input.stepId
					});
				await auditCase(
					trx,
					actor,
					c.id,
					c.officeId,
					input.done ? 'case.step_done' : 'case.step_reopened',
					{ stepId: input.stepId },
					now,
					ctx
				);
			}
			return { ok: true, caseId: c.id };
		}
	);
}

/** The creative ticks a shared step off in the portal (their own case only). */
export async function setStepDoneByCreative(
	services: Services,
	creativeId: number,
	input: { stepId: number; done: boolean },
	ctx: RequestContext = {}
): Promise<{ ok: boolean }> {
	const now = services.clock.now();
	return transact(services.db, async (trx) => {
		const step = await trx
			.selectFrom('next_step as s')
			.innerJoin('case_file as c', 'c.id', 's.case_id')
			.select(['s.id', 's.case_id', 'c.office_id', 'c.status'])
			.where('s.id', '=', input.stepId)
			.where('c.creative_id', '=', creativeId)
			.where('s.shared', '=', 1)
			.executeTakeFirst();
		if (!step || step.status === 'closed') return { ok: false };
		const res = await trx
			.updateTable('next_step')
			.set(
				input.done
					? { done_at: now.getTime(), done_by_kind: 'creative' }
					: { done_at: null, done_by_kind: null }
			)
			.where('id', '=', step.id)
			.where('done_at', input.done ? 'is' : 'is not', null)
			.executeTakeFirst();
		if (Number(res.numUpdatedRows) === 1) {
			if (input.done)
				await addCaseEvent(
					trx,
					Number(step.case_id),
					'step_done',
					{ kind: 'creative', id: creativeId },
					now,
					{
						stepId: Number(step.id)
					}
				);
			await recordAudit(
				trx,
				{ kind: 'creative', id: creativeId, label: `creative ${creativeId}` },
				{
					action: input.done ? 'case.step_done' : 'case.step_reopened',
					subject: { kind: 'case', id: Number(step.case_id) },
					officeId: Number(step.office_id),
					data: { stepId: Number(step.id) }
				},
				{ now, requestId: ctx.requestId }
			);
		}
		return { ok: true };
	});
}
