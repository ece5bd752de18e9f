import { type OfficeScope, scopeIncludes } from '../access/scope';
import { auditActorOf, type CaseActor } from '../cases/index';
import { transactNow } from '../db/transaction';
import type { RequestContext } from '../identity/index';
import type { Services } from '../runtime';
import { auditCheckIn } from './check-in-audit';

export type MarkSeenResult =
	| { ok: true; changed: boolean }
	| { ok: false; reason: 'not_found' | 'not_answered' };

/**
 * The consultant has read an answer: its alert leaves the dashboard. Scoped like the case pages:
 * the case's office must be in the scope, and a consultant may only mark their own cases.
 * Anything else is "not found" (existence is confidential). Marking twice changes nothing.
 */
export async function markCheckInSeen(
	services: Services,
	actor: CaseActor,
	scope: OfficeScope,
	checkInId: number,
	ctx: RequestContext = {}
): Promise<MarkSeenResult> {
	return transactNow(services, async (trx, now): Promise<MarkSeenResult> => {
		const row = await trx
			.selectFrom('check_in as k')
			.innerJoin('case_file as c', 'c.id', 'k.case_id')
			.select(['k.id', 'k.case_id', 'k.answered_at', 'k.seen_at', 'c.office_id', 'c.consultant_id'])
			.where('k.id', '=', checkInId)
			.executeTakeFirst();
		if (!row) return { ok: false, reason: 'not_found' };
		const officeId = Number(row.office_id);
		if (!scopeIncludes(scope, officeId)) return { ok: false, reason: 'not_found' };
		if (actor.role === 'consultant' && Number(row.consultant_id) !== actor.id)
			return { ok: false, reason: 'not_found' };
		if (row.answered_at == null) return { ok: false, reason: 'not_answered' };
		const res = await trx
			.updateTable('check_in')
			.set({ seen_at: now.getTime() })
			.where('id', '=', checkInId)
			.where('seen_at', 'is', null)
			.executeTakeFirst();
		if (Number(res.numUpdatedRows) !== 1) return { ok: true, changed: false };
		await auditCheckIn(trx, auditActorOf(actor), row, { now, ctx }, 'checkin.seen');
		return { ok: true, changed: true };
	});
}
