import { markCheckInSeen } from '$lib/server/checkins/seen';
import { mergeCases } from '$lib/server/cases/merge';
import { recordNotesConsentWithdrawal } from '$lib/server/cases/notes-consent-withdrawal';
import type { NextStepInput } from '$lib/server/cases/record';
import { addNextStep } from '$lib/server/cases/steps';
import type { CaseCommand } from '../case-actions.server';

/**
 * The case page's commands whose input is not "the case and the form's fields" (caseForm's
 * shape), each called in that shape: the case is the one in the URL.
 */

/** Issue 13: the withdrawal concerns this case's person; the page shows the case again. */
export const withdrawNotes: CaseCommand<object> = async (s, actor, scope, { caseId }, ctx) => {
	const r = await recordNotesConsentWithdrawal(s, actor, scope, caseId, ctx);
	return r.ok ? { ok: true, caseId } : r;
};

/** The step form sends the step and whether it is shared as one row. */
export const addStep: CaseCommand<NextStepInput & { shared: boolean }> = (s, actor, scope, input, ctx) => {
	const { caseId, shared, ...step } = input;
	return addNextStep(s, actor, scope, { caseId, step, shared }, ctx);
};

/** A check-in already seen or not yet answered is no error: the page shows it as it is. */
export const markSeen: CaseCommand<{ checkInId: number }> = async (s, actor, scope, input, ctx) => {
	const r = await markCheckInSeen(s, actor, scope, input.checkInId, ctx);
	return r.ok || r.reason !== 'not_found'
		? { ok: true, caseId: input.caseId }
		: { ok: false, reason: 'not_found' };
};

/** This case is the duplicate: it goes into the chosen one. */
export const mergeInto: CaseCommand<{ targetCaseId: number }> = (s, actor, scope, input, ctx) =>
	mergeCases(s, actor, scope, { sourceCaseId: input.caseId, targetCaseId: input.targetCaseId }, ctx);
