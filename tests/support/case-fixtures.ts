import type { TestServices } from './test-database';
import { mintScope } from '../../src/lib/server/access/scope';
import { type BookingFixture, holdAndConfirm, holdInput, slotsOn } from './booking-fixtures';
import type { CaseActor } from '../../src/lib/server/cases/case-actor';
import { type RecordInput, recordConsultation } from '../../src/lib/server/cases/record';

/** Helpers for the case tests (imported by *.test.ts only). */
export const officeScope = (officeId: number) => mintScope(false, [officeId]);

export function consultant(f: BookingFixture, which: 'first' | 'second' = 'first'): CaseActor {
	return which === 'first'
		? { id: f.consultantId, email: f.consultantEmail, role: 'consultant' }
		: { id: f.secondConsultantId, email: 'zeno@kreativlotse.example', role: 'consultant' };
}

export const lead = (id: number): CaseActor => ({
	id,
	email: 'lead@kreativlotse.example',
	role: 'office_lead'
});

/** A confirmed first booking (double opt-in done) on the given Berlin day; returns its ids. */
export async function confirmedBooking(
	s: TestServices,
	f: BookingFixture,
	input: {
		day: string;
		email: string;
		name?: string;
		notesConsent?: boolean;
		newsConsent?: boolean;
		slot?: number;
	}
): Promise<{ bookingId: number; caseId: number; start: number }> {
	const slots = await slotsOn(s, f, input.day);
	const slot = slots[input.slot ?? 0];
	if (!slot) throw new Error(`no slot on ${input.day}`);
	const base = holdInput(f, slot.start);
	const { bookingId } = await holdAndConfirm(s, {
		...base,
		intake: { ...base.intake, email: input.email, name: input.name ?? 'Kim Kreativ' },
		consents: { processing: true, notes: input.notesConsent ?? false, news: input.newsConsent ?? false }
	});
	const row = await s.db
		.selectFrom('booking')
		.select(['case_id', 'start_at'])
		.where('id', '=', bookingId)
		.executeTakeFirstOrThrow();
	return { bookingId, caseId: Number(row.case_id), start: Number(row.start_at) };
}

/** Kim Kreativ (kim@example.org), booked on Tuesday 2026-06-16 with consent to notes. */
export const kimWithNotesConsent = (s: TestServices, f: BookingFixture) =>
	confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org', notesConsent: true });

/** Records written by tests need no referral writer unless they test referrals. */
export const noReferrals = async () => [];

/** The fixture's first consultant records on a case in the office's scope, without referrals. */
export function recordByConsultant(
	s: TestServices,
	f: BookingFixture,
	caseId: number,
	overrides: Partial<RecordInput> = {}
) {
	return recordConsultation(
		s,
		consultant(f),
		officeScope(f.officeId),
		recordInput(caseId, overrides),
		noReferrals
	);
}

/** A consultation record without a booking: topics, outcome, one shared step; override what a test needs. */
/** A booking's status as stored: a recorded talk marks its booking attended. */
export async function bookingStatus(s: Pick<TestServices, 'db'>, bookingId: number): Promise<string> {
	const row = await s.db
		.selectFrom('booking')
		.select('status')
		.where('id', '=', bookingId)
		.executeTakeFirstOrThrow();
	return row.status;
}

export function recordInput(caseId: number, overrides: Partial<RecordInput> = {}): RecordInput {
	return {
		caseId,
		bookingId: null,
		heldAt: null,
		format: 'office',
		topics: ['finanzierung'],
		outcome: 'plan_agreed',
		situation: null,
		advice: null,
		followUpWeeks: null,
		share: { advice: false, steps: true, referrals: true },
		steps: [{ text: 'Kostenplan schreiben', owner: 'creative', dueOn: '2026-06-30' }],
		referralServiceIds: [],
		idempotencyKey: null,
		...overrides
	};
}
