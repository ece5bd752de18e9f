import type { OfficeScope } from '../access/scope';
import { type Tx, transact } from '../db/transaction';
import type { RequestContext } from '../identity/index';
import type { Services } from '../runtime';
import type { CaseActor } from './case-actor';
import { addCaseEvent } from './case-events';
import { auditCase, type CaseResult } from './commands-shared';
import { type CaseRecord, caseFor } from './load';
import { repseudonymiseCase } from '../statistics/index';

/**
 * Staff merge duplicates (issue 4, item 1): the same person booked twice with two addresses.
 * Everything of the source case moves to the target case, the source creative resolves to the
 * target creative from now on (portal logins, later bookings) and the source case is removed.
 * Office leads only, within one office.
 */
export async function mergeCases(
	services: Services,
	actor: CaseActor,
	scope: OfficeScope,
	input: { sourceCaseId: number; targetCaseId: number },
	ctx: RequestContext = {}
): Promise<CaseResult> {
	if (actor.role === 'consultant') return { ok: false, reason: 'forbidden' };
	const now = services.clock.now();
	const t = now.getTime();
	return transact(services.db, async (trx): Promise<CaseResult> => {
		const source = await caseFor(trx, actor, scope, input.sourceCaseId);
		const target = await caseFor(trx, actor, scope, input.targetCaseId);
		if (!source || !target) return { ok: false, reason: 'not_found' };
		if (source.id === target.id || source.officeId !== target.officeId)
			return { ok: false, reason: 'invalid_target' };
		if (source.creativeErased || target.creativeErased) return { ok: false, reason: 'forbidden' };
		const from = source.id;
		const to = target.id;

		await moveCaseRows(trx, from, to);
		await combineCaseFiles(trx, source, target, t);
		await addCaseEvent(trx, to, 'merged', { kind: 'staff', id: actor.id }, now, { mergedCaseId: from });
		await auditCase(
			trx,
			actor,
			to,
			target.officeId,
			'case.merged',
			{ sourceCaseId: from, targetCaseId: to },
			now,
			ctx
		);
		return { ok: true, caseId: to };
	});
}

async function moveCaseRows(trx: Tx, from: number, to: number): Promise<void> {
	await trx.updateTable('booking').set({ case_id: to }).where('case_id', '=', from).execute();
	await trx.updateTable('consultation_record').set({ case_id: to }).where('case_id', '=', from).execute();
	await repseudonymiseCase(trx, to); // statistics: the merged person counts once
	await trx.updateTable('next_step').set({ case_id: to }).where('case_id', '=', from).execute();
	await trx.updateTable('case_event').set({ case_id: to }).where('case_id', '=', from).execute();
	// Unique per case: a check-in for the same due date or a referral to the same service that
	// the target already has is a duplicate of it and goes.
	await moveCheckIns(trx, from, to);
	await moveReferrals(trx, from, to);
}

async function moveCheckIns(trx: Tx, from: number, to: number): Promise<void> {
	const targetDue = (
		await trx.selectFrom('check_in').select('due_at').where('case_id', '=', to).execute()
	).map((r) => Number(r.due_at));
	for (const ci of await trx
		.selectFrom('check_in')
		.select(['id', 'due_at'])
		.where('case_id', '=', from)
		.execute()) {
		if (targetDue.includes(Number(ci.due_at)))
			await trx.deleteFrom('check_in').where('id', '=', ci.id).execute();
		else await trx.updateTable('check_in').set({ case_id: to }).where('id', '=', ci.id).execute();
	}
}

async function moveReferrals(trx: Tx, from: number, to: number): Promise<void> {
	const targetServices = (
		await trx.selectFrom('referral').select('service_id').where('case_id', '=', to).execute()
	).map((r) => Number(r.service_id));
	for (const r of await trx
		.selectFrom('referral')
		.select(['id', 'service_id'])
		.where('case_id', '=', from)
		.execute()) {
		if (targetServices.includes(Number(r.service_id)))
			await trx.deleteFrom('referral').where('id', '=', r.id).execute();
		else await trx.updateTable('referral').set({ case_id: to }).where('id', '=', r.id).execute();
	}
}

/** The source's creative resolves to the target's from now on, so later logins and bookings land there. */
async function combineCaseFiles(trx: Tx, source: CaseRecord, target: CaseRecord, t: number): Promise<void> {
	const lastContact = Math.max(source.lastContactAt ?? 0, target.lastContactAt ?? 0) || null;
	await trx
		.updateTable('case_file')
		.set({
			topics: JSON.stringify([...new Set([...target.topics, ...source.topics])]),
			last_contact_at: lastContact,
			notes_consent_version: target.notesConsentVersion ?? source.notesConsentVersion,
			notes_consent_at: target.notesConsentVersion == null ? source.notesConsentAt : target.notesConsentAt,
			opened_at: Math.min(source.openedAt, target.openedAt),
			updated_at: t
		})
		.where('id', '=', target.id)
		.execute();
	await trx.deleteFrom('case_file').where('id', '=', source.id).execute();
	if (source.creativeId !== target.creativeId) {
		await trx
			.updateTable('creative')
			.set({ merged_into_id: target.creativeId, updated_at: t })
			.where((eb) => eb.or([eb('id', '=', source.creativeId), eb('merged_into_id', '=', source.creativeId)]))
			.execute();
	}
}
