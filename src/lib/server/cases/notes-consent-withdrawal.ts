import type { OfficeScope } from '../access/scope';
import type { AuditActor } from '../audit/index';
import { transactNow, type Tx } from '../db/transaction';
import type { RequestContext } from '../identity/index';
import type { Services } from '../runtime';
import { auditActorOf, type CaseActor } from './case-actor';
import { addCaseEvent, type CaseEventActor } from './case-events';
import { recordCaseAudit, withCase } from './commands-shared';

/**
 * Issue 13, part 3: the notes consent withdrawn. The consent covers the person, not one case,
 * so every case of the creative loses it and every content note (situation, advice) of those
 * cases is deleted in the same transaction; structured fields, steps and referrals stay (they
 * never needed the consent). Later records refuse notes until a new consent is recorded
 * (record.ts reads the case's consent inside its own transaction).
 */
export interface WithdrawalCounts {
	cases: number;
	records: number;
}

export type WithdrawalResult = ({ ok: true } & WithdrawalCounts) | { ok: false; reason: 'not_found' };

async function withdrawForCreative(
	trx: Tx,
	creativeId: number,
	now: Date,
	by: { actor: CaseEventActor; via: 'portal' | 'staff' }
): Promise<{ cases: { id: number; officeId: number }[]; records: number }> {
	const t = now.getTime();
	const rows = await trx
		.selectFrom('case_file')
		.select(['id', 'office_id'])
		.where('creative_id', '=', creativeId)
		.orderBy('id')
		.execute();
	const cases = rows.map((r) => ({ id: Number(r.id), officeId: Number(r.office_id) }));
	if (cases.length === 0) return { cases, records: 0 };
	const ids = cases.map((c) => c.id);
	const cleared = await trx
		.updateTable('consultation_record')
		.set({ situation: null, advice: null, updated_at: t })
		.where('case_id', 'in', ids)
		.where((eb) => eb.or([eb('situation', 'is not', null), eb('advice', 'is not', null)]))
		.executeTakeFirst();
	await trx
		.updateTable('case_file')
		.set({
			notes_consent_version: null,
			notes_consent_at: null,
			notes_consent_withdrawn_at: t,
			updated_at: t
		})
		.where('id', 'in', ids)
		.execute();
	// Each case's timeline says when (and how) the consent ended, also after a new consent.
	for (const id of ids)
		await addCaseEvent(trx, id, 'notes_consent_withdrawn', by.actor, now, { via: by.via });
	return { cases, records: Number(cleared.numUpdatedRows) };
}

async function auditWithdrawal(
	trx: Tx,
	actor: AuditActor,
	creativeId: number,
	result: { cases: { id: number; officeId: number }[]; records: number },
	via: 'portal' | 'staff',
	now: Date,
	ctx: RequestContext
): Promise<void> {
	// One row per case, so each office's log shows it; the counts are the person's totals.
	for (const c of result.cases) {
		await recordCaseAudit(
			trx,
			actor,
			c,
			'case.notes_consent_withdrawn',
			{ via, creativeId, cases: result.cases.length, records: result.records },
			{ now, requestId: ctx.requestId }
		);
	}
}

/** The creative withdraws in the portal. */
export async function withdrawNotesConsentAsCreative(
	services: Services,
	creativeId: number,
	ctx: RequestContext = {}
): Promise<WithdrawalResult> {
	return transactNow(services, async (trx, now) => {
		const result = await withdrawForCreative(trx, creativeId, now, {
			actor: { kind: 'creative', id: creativeId },
			via: 'portal'
		});
		if (result.cases.length === 0) return { ok: false as const, reason: 'not_found' as const };
		const actor: AuditActor = { kind: 'creative', id: creativeId, label: `creative ${creativeId}` };
		await auditWithdrawal(trx, actor, creativeId, result, 'portal', now, ctx);
		return { ok: true as const, cases: result.cases.length, records: result.records };
	});
}

/**
 * Staff record a withdrawal the creative gave by phone or letter, from a case they may open.
 * Closed cases are allowed: the notes of a closed case are deleted just the same.
 */
export async function recordNotesConsentWithdrawal(
	services: Services,
	actor: CaseActor,
	scope: OfficeScope,
	caseId: number,
	ctx: RequestContext = {}
): Promise<WithdrawalResult> {
	const r = await withCase(services, actor, scope, caseId, { closed: 'allow' }, async (trx, c, now) => {
		const result = await withdrawForCreative(trx, c.creativeId, now, {
			actor: { kind: 'staff', id: actor.id },
			via: 'staff'
		});
		await auditWithdrawal(trx, auditActorOf(actor), c.creativeId, result, 'staff', now, ctx);
		return { ok: true as const, cases: result.cases.length, records: result.records };
	});
	return r.ok ? r : { ok: false, reason: 'not_found' };
}
