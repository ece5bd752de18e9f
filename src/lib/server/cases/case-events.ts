import type { Tx } from '../db/transaction';

/**
 * Timeline entries that no other table records (opened, hand-over, status changes, closure,
 * reopening, merge, check-in answered …). Written in the same transaction as the change.
 * Bookings, records, steps, referrals and mails come from their own tables (timeline.ts).
 */
export type CaseEventKind =
	| 'opened'
	| 'reopened'
	| 'handover'
	| 'status'
	| 'closed'
	| 'merged'
	| 'check_in_sent'
	| 'check_in_answered'
	| 'step_done'
	| 'feedback'
	| 'follow_up_booked'
	| 'goals'
	| 'stage'
	// Issue 18: a message in the case (never its text) and a reminder for the creative's step.
	| 'message'
	| 'step_reminder_sent'
	// Issue 13: the notes consent withdrawn (data.via: 'portal' | 'staff'); never what was deleted.
	| 'notes_consent_withdrawn';

export interface CaseEventActor {
	kind: 'staff' | 'creative' | 'system';
	id: number | null;
}

export async function addCaseEvent(
	trx: Tx,
	caseId: number,
	kind: CaseEventKind,
	actor: CaseEventActor,
	now: Date,
	data: Record<string, string | number | boolean | null | number[]> = {}
): Promise<void> {
	await trx
		.insertInto('case_event')
		.values({
			case_id: caseId,
			at: now.getTime(),
			kind,
			actor_kind: actor.kind,
			actor_id: actor.id,
			data: JSON.stringify(data)
		})
		.execute();
}
