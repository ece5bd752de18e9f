import { type OfficeScope, scopeIncludes } from '../access/scope';
import type { Db } from '../db/transaction';
import { parseStepIds } from './checkin-rules';

/**
 * Reads for the staff side: answers nobody has looked at yet (dashboard) and every check-in of
 * one case (case page, timeline). Both take the gate's OfficeScope; outside it they find nothing.
 */
export interface UnseenAnswer {
	checkInId: number;
	caseId: number;
	name: string;
	consultantId: number;
	answeredAt: number;
	wantsFollowUp: boolean;
}

/**
 * Answered, not yet seen check-ins of an office, newest first. `consultantId` narrows to one
 * consultant's cases (a consultant's dashboard); null lists the whole office (a lead's).
 */
export async function unseenAnswersForOffice(
	db: Db,
	scope: OfficeScope,
	officeId: number,
	consultantId: number | null
): Promise<UnseenAnswer[]> {
	if (!scopeIncludes(scope, officeId)) return [];
	let q = db
		.selectFrom('check_in as k')
		.innerJoin('case_file as c', 'c.id', 'k.case_id')
		.select(['k.id', 'k.case_id', 'k.answered_at', 'k.wants_follow_up', 'c.name', 'c.consultant_id'])
		.where('c.office_id', '=', officeId)
		.where('k.answered_at', 'is not', null)
		.where('k.seen_at', 'is', null);
	if (consultantId != null) q = q.where('c.consultant_id', '=', consultantId);
	const rows = await q.orderBy('k.answered_at', 'desc').orderBy('k.id', 'desc').execute();
	return rows.map((r) => ({
		checkInId: Number(r.id),
		caseId: Number(r.case_id),
		name: r.name,
		consultantId: Number(r.consultant_id),
		answeredAt: Number(r.answered_at),
		wantsFollowUp: Number(r.wants_follow_up) === 1
	}));
}

export interface CaseCheckIn {
	id: number;
	dueAt: number;
	sentAt: number;
	expiresAt: number;
	answeredAt: number | null;
	seenAt: number | null;
	changed: string | null;
	questions: string | null;
	wantsFollowUp: boolean;
	/** The steps ticked off in this answer (text as it is now; '' after erasure). */
	stepsDone: { id: number; text: string }[];
}

/**
 * Every check-in of a case, oldest first, with the answers. Null when the case is not in the
 * scope (the caller answers 404). Whether a consultant may see this case at all is the case
 * page's decision (it already loaded the case with the same scope and role).
 */
export async function checkInsForCase(
	db: Db,
	scope: OfficeScope,
	caseId: number
): Promise<CaseCheckIn[] | null> {
	const c = await db.selectFrom('case_file').select('office_id').where('id', '=', caseId).executeTakeFirst();
	if (!c || !scopeIncludes(scope, Number(c.office_id))) return null;
	const rows = await db
		.selectFrom('check_in')
		.selectAll()
		.where('case_id', '=', caseId)
		.orderBy('sent_at')
		.orderBy('id')
		.execute();
	const stepIds = [...new Set(rows.flatMap((r) => parseStepIds(r.steps_done)))];
	const steps =
		stepIds.length === 0
			? []
			: await db
					.selectFrom('next_step')
					.select(['id', 'text'])
					.where('case_id', '=', caseId)
					.where('id', 'in', stepIds)
					.execute();
	const textOf = new Map(steps.map((s) => [Number(s.id), s.text]));
	return rows.map((r) => ({
		id: Number(r.id),
		dueAt: Number(r.due_at),
		sentAt: Number(r.sent_at),
		expiresAt: Number(r.expires_at),
		answeredAt: r.answered_at == null ? null : Number(r.answered_at),
		seenAt: r.seen_at == null ? null : Number(r.seen_at),
		changed: r.changed,
		questions: r.questions,
		wantsFollowUp: Number(r.wants_follow_up) === 1,
		stepsDone: parseStepIds(r.steps_done)
			.filter((id) => textOf.has(id))
			.map((id) => ({ id, text: textOf.get(id)! }))
	}));
}
