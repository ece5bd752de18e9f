import type { OfficeScope } from '../access/scope';
import { currentNotesConsentVersion } from './consent-version';
import type { CloseReason } from '../db/schema';
import { transactNow, type Tx } from '../db/transaction';
import type { RequestContext } from '../identity/index';
import type { Services } from '../runtime';
import type { CaseActor } from './case-actor';
import { addCaseEvent } from './case-events';
import {
	auditCase,
	type CaseResult,
	type CaseStep,
	caseCommand,
	changeCase,
	closedColumns,
	auditStep
} from './commands-shared';
import { dueAfterConsultation, dueAfterContact } from './rhythm-rules';
import { ensureCreative } from './creatives';
import { officeConsultants } from './load';
import { getCaseSettings } from './settings';

const staffEventActor = (actor: CaseActor) => ({ kind: 'staff' as const, id: actor.id });

/** Hand-over to a colleague of the same office, with a note for them (on the timeline). */
export const handOverCase = caseCommand<{ caseId: number; toConsultantId: number; note: string | null }>(
	{ closed: 'refuse' },
	async (step) => {
		const { trx, c, input } = step;
		const members = await officeConsultants(trx, c.officeId);
		if (!members.some((m) => m.id === input.toConsultantId) || input.toConsultantId === c.consultantId)
			return { ok: false, reason: 'invalid_target' };
		return changeCase(step, {
			set: { consultant_id: input.toConsultantId },
			event: {
				kind: 'handover',
				data: { from: c.consultantId, to: input.toConsultantId, note: input.note }
			},
			audit: { action: 'case.handed_over', data: { from: c.consultantId, to: input.toConsultantId } }
		});
	}
);

/** Stage, sub-market, Land and topics change as a person moves on (idea → founding → growth). */
export const setCaseFacts = caseCommand<{
	caseId: number;
	landIso: string | null;
	submarket: string | null;
	stage: string | null;
	topics: string[];
}>({ closed: 'refuse' }, async (step) => {
	const { c, input } = step;
	const topics = [...new Set(input.topics)];
	const changed = {
		land: c.landIso !== input.landIso,
		submarket: c.submarket !== input.submarket,
		stage: c.stage !== input.stage,
		topics: JSON.stringify(c.topics) !== JSON.stringify(topics)
	};
	if (!Object.values(changed).some(Boolean)) return { ok: true, caseId: c.id };
	return changeCase(step, {
		set: {
			land_iso: input.landIso,
			submarket: input.submarket,
			stage: input.stage,
			topics: JSON.stringify(topics)
		},
		event: changed.stage ? { kind: 'stage', data: { from: c.stage, to: input.stage } } : undefined,
		audit: { action: 'case.facts_changed', data: changed }
	});
});

/** The goals agreed with the creative (the portal shows them above the next steps). */
export const setCaseGoals = caseCommand<{ caseId: number; goals: string | null }>(
	{ closed: 'refuse' },
	async (step) => {
		if (step.c.goals === step.input.goals) return { ok: true, caseId: step.c.id };
		return changeCase(step, {
			set: { goals: step.input.goals },
			event: { kind: 'goals' },
			audit: { action: 'case.goals_changed' }
		});
	}
);

/** Pause (no check-ins go out) or resume an open case. */
export const setCaseStatus = caseCommand<{ caseId: number; status: 'open' | 'paused' }>(
	{ closed: 'refuse' },
	async (step) => {
		if (step.c.status === step.input.status) return { ok: true, caseId: step.c.id };
		const fromTo = { from: step.c.status, to: step.input.status };
		return changeCase(step, {
			set: { status: step.input.status },
			event: { kind: 'status', data: fromTo },
			audit: { action: 'case.status_changed', data: fromTo }
		});
	}
);

/**
 * Closure with a reason and an outcome. A closed case is read-only until reopened; open next
 * steps stay as they are. `onClosed` runs in the same transaction (the feedback mail of
 * checkins/ is queued there, so it exists exactly when the closure committed).
 */
export const closeCase = caseCommand(
	{ closed: 'refuse' },
	async (
		step: CaseStep<{ caseId: number; reason: CloseReason; outcome: string | null }>,
		onClosed?: (trx: Tx, caseId: number, now: Date, feedbackWanted: boolean) => Promise<void>
	) => {
		const { trx, c, now, input } = step;
		await trx
			.updateTable('case_file')
			.set(closedColumns(input.reason, input.outcome, now.getTime()))
			.where('id', '=', c.id)
			.where('status', '!=', 'closed')
			.execute();
		await addCaseEvent(trx, c.id, 'closed', staffEventActor(step.actor), now, { reason: input.reason });
		await auditStep(step, 'case.closed', { reason: input.reason });
		const settings = await getCaseSettings(trx, c.officeId);
		if (onClosed && !c.creativeErased) await onClosed(trx, c.id, now, settings.feedbackMail);
		return { ok: true, caseId: c.id };
	}
);

export const reopenCase = caseCommand<{ caseId: number }>({ closed: 'allow' }, async (step) => {
	const { c, now } = step;
	if (c.status !== 'closed') return { ok: false, reason: 'not_closed' };
	if (c.creativeErased) return { ok: false, reason: 'forbidden' };
	const settings = await getCaseSettings(step.trx, c.officeId);
	return changeCase(step, {
		set: {
			status: 'open',
			closed_at: null,
			close_reason: null,
			close_outcome: null,
			next_contact_due_at: dueAfterContact(now.getTime(), settings)
		},
		event: { kind: 'reopened' },
		audit: { action: 'case.reopened' }
	});
});

export interface OpenCaseInput {
	officeId: number;
	email: string;
	name: string;
	landIso: string | null;
	submarket: string | null;
	stage: string | null;
	topics: string[];
	/** The creative consented to content notes (in writing or on the phone); recorded now. */
	notesConsent: boolean;
	consultantId: number | null;
}

/**
 * A case opened by staff (someone who e-mailed or called without booking). One per creative and
 * office: an existing case is answered with `exists` and its id.
 */
export async function openCaseByStaff(
	services: Services,
	actor: CaseActor,
	scope: OfficeScope,
	input: OpenCaseInput,
	ctx: RequestContext = {}
): Promise<CaseResult> {
	return transactNow(services, async (trx, now): Promise<CaseResult> => {
		const t = now.getTime();
		if (!scope.all && !scope.officeIds.includes(input.officeId)) return { ok: false, reason: 'not_found' };
		const consultantId = actor.role === 'consultant' ? actor.id : (input.consultantId ?? actor.id);
		const members = await officeConsultants(trx, input.officeId);
		if (!members.some((m) => m.id === consultantId)) return { ok: false, reason: 'invalid_target' };
		const creative = await ensureCreative(trx, input.email, { now: t, verified: false, locale: 'de' });
		if (creative.erased) return { ok: false, reason: 'forbidden' };
		const existing = await trx
			.selectFrom('case_file')
			.select('id')
			.where('creative_id', '=', creative.id)
			.where('office_id', '=', input.officeId)
			.executeTakeFirst();
		if (existing) return { ok: false, reason: 'exists', caseId: Number(existing.id) };
		const notesVersion = input.notesConsent ? await currentNotesConsentVersion(trx) : null;
		const settings = await getCaseSettings(trx, input.officeId);
		const row = await trx
			.insertInto('case_file')
			.values({
				office_id: input.officeId,
				creative_id: creative.id,
				consultant_id: consultantId,
				name: input.name,
				status: 'open',
				land_iso: input.landIso,
				submarket: input.submarket,
				stage: input.stage,
				topics: JSON.stringify([...new Set(input.topics)]),
				notes_consent_version: notesVersion,
				notes_consent_at: notesVersion == null ? null : t,
				opened_at: t,
				last_contact_at: t,
				next_contact_due_at: dueAfterConsultation(t, settings, null),
				created_at: t,
				updated_at: t
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const caseId = Number(row.id);
		await addCaseEvent(trx, caseId, 'opened', staffEventActor(actor), now, { byStaff: true });
		await auditCase(
			trx,
			actor,
			caseId,
			input.officeId,
			'case.opened_by_staff',
			{ notesConsent: input.notesConsent, consultantId },
			now,
			ctx
		);
		return { ok: true, caseId };
	});
}
