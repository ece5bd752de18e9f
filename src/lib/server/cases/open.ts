import type { Tx } from '../db/transaction';
import { addCaseEvent, type CaseEventActor } from './case-events';
import { ensureCreative } from './creatives';

/**
 * Issue 4, item 1: a case (Begleitung) opens with the first confirmed consultation, one per
 * creative and office. Called by the booking commands in their transaction whenever a booking
 * becomes confirmed. A later booking at the same office joins the existing case (and reopens it
 * when it was closed); a notes consent given with the booking is carried onto the case.
 */
export async function ensureCaseForBooking(
	trx: Tx,
	bookingId: number,
	input: { now: Date; verified: boolean; actor: CaseEventActor }
): Promise<number | null> {
	const t = input.now.getTime();
	const b = await bookingForCase(trx, bookingId);
	if (!b || b.email === '') return null;
	if (b.case_id != null) return Number(b.case_id);
	const creative = await ensureCreative(trx, b.email, { now: t, verified: input.verified, locale: b.locale });
	if (creative.erased) return null;

	const existing = await trx
		.selectFrom('case_file')
		.select(['id', 'status', 'notes_consent_version', 'notes_consent_withdrawn_at'])
		.where('creative_id', '=', creative.id)
		.where('office_id', '=', b.office_id)
		.executeTakeFirst();
	const caseId = existing
		? await rejoinCase(trx, existing, b, bookingId, input)
		: await openCase(trx, b, bookingId, creative.id, input);
	await trx.updateTable('booking').set({ case_id: caseId }).where('id', '=', bookingId).execute();
	return caseId;
}

type BookingForCase = NonNullable<Awaited<ReturnType<typeof bookingForCase>>>;

function bookingForCase(trx: Tx, bookingId: number) {
	return trx
		.selectFrom('booking')
		.select([
			'id',
			'office_id',
			'consultant_id',
			'case_id',
			'name',
			'email',
			'land_iso',
			'submarket',
			'stage',
			'topics',
			'locale',
			'consent_notes_version',
			'consented_at'
		])
		.where('id', '=', bookingId)
		.executeTakeFirst();
}

async function openCase(
	trx: Tx,
	b: BookingForCase,
	bookingId: number,
	creativeId: number,
	input: { now: Date; actor: CaseEventActor }
): Promise<number> {
	const t = input.now.getTime();
	const row = await trx
		.insertInto('case_file')
		.values({
			office_id: b.office_id,
			creative_id: creativeId,
			consultant_id: b.consultant_id,
			name: b.name,
			status: 'open',
			land_iso: b.land_iso,
			submarket: b.submarket,
			stage: b.stage,
			topics: b.topics,
			notes_consent_version: b.consent_notes_version,
			notes_consent_at: b.consent_notes_version == null ? null : Number(b.consented_at),
			opened_at: t,
			last_contact_at: null,
			next_contact_due_at: null,
			created_at: t,
			updated_at: t
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const caseId = Number(row.id);
	await addCaseEvent(trx, caseId, 'opened', input.actor, input.now, { bookingId });
	return caseId;
}

async function rejoinCase(
	trx: Tx,
	existing: {
		id: number;
		status: string;
		notes_consent_version: number | null;
		notes_consent_withdrawn_at: number | null;
	},
	b: BookingForCase,
	bookingId: number,
	input: { now: Date; actor: CaseEventActor }
): Promise<number> {
	const caseId = Number(existing.id);
	const patch: {
		updated_at: number;
		status?: 'open';
		closed_at?: null;
		close_reason?: null;
		notes_consent_version?: number;
		notes_consent_at?: number;
	} = { updated_at: input.now.getTime() };
	if (existing.status === 'closed') {
		patch.status = 'open';
		patch.closed_at = null;
		patch.close_reason = null;
		await addCaseEvent(trx, caseId, 'reopened', input.actor, input.now, { bookingId });
	}
	// A consent given with a booking made before a withdrawal does not revive the notes.
	const withdrawnAt = existing.notes_consent_withdrawn_at;
	const consentIsNewer = withdrawnAt == null || Number(b.consented_at) > Number(withdrawnAt);
	if (existing.notes_consent_version == null && b.consent_notes_version != null && consentIsNewer) {
		patch.notes_consent_version = b.consent_notes_version;
		patch.notes_consent_at = Number(b.consented_at);
	}
	await trx.updateTable('case_file').set(patch).where('id', '=', caseId).execute();
	return caseId;
}
