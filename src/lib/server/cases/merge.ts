import { sql } from 'kysely';
import type { OfficeScope } from '../access/scope';
import { type Tx, transactNow } from '../db/transaction';
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
	return transactNow(services, async (trx, now): Promise<CaseResult> => {
		const t = now.getTime();
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
	await moveUniquePerCase(trx, 'check_in', 'due_at', from, to);
	await moveUniquePerCase(trx, 'referral', 'service_id', from, to);
}

/**
 * Moves the rows of a table that is unique per case (a check-in per due date, a referral per
 * service) from one case to the other; a row whose key the target already has goes.
 */
async function moveUniquePerCase(
	trx: Tx,
	table: 'check_in' | 'referral',
	key: 'due_at' | 'service_id',
	from: number,
	to: number
): Promise<void> {
	const keyed = (caseId: number) =>
		trx
			.selectFrom(table)
			.select(['id', sql.ref<number>(key).as('key')])
			.where('case_id', '=', caseId)
			.execute();
	const targetKeys = (await keyed(to)).map((r) => Number(r.key));
	for (const row of await keyed(from)) {
		if (targetKeys.includes(Number(row.key))) await trx.deleteFrom(table).where('id', '=', row.id).execute();
		else await trx.updateTable(table).set({ case_id: to }).where('id', '=', row.id).execute();
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
