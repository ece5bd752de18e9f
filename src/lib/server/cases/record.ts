import type { z } from 'zod';
import type { OfficeScope } from '../access/scope';
import type { BookingFormat, ConsultationOutcome } from '../db/schema';
import { transactNow, type Tx } from '../db/transaction';
import type { RequestContext } from '../identity/index';
import type { Services } from '../runtime';
import { berlinInstant } from '../../time/berlin';
import type { CaseActor } from './case-actor';
import type { recordSchema } from './case-schemas';
import { auditCase, type CaseResult } from './commands-shared';
import { caseFor } from './load';
import { dueAfterConsultation } from './rhythm-rules';
import { getCaseSettings } from './settings';
import { bookingToRecord } from './talks';
import { syncRecordFact } from '../statistics/index';

/**
 * Issue 4, item 2: the one short form after an appointment. Structured fields always; content
 * notes (situation, advice) only when the case holds a notes consent. Agreed next steps and
 * referrals are written with it; the case's last contact and next contact due move on.
 */
export interface NextStepInput {
	text: string;
	owner: 'creative' | 'consultant';
	dueOn: string | null;
}

export interface RecordInput {
	caseId: number;
	bookingId: number | null;
	/** Without a booking: when the talk took place (with a booking its start is used). */
	heldAt: number | null;
	format: BookingFormat | null;
	topics: string[];
	outcome: ConsultationOutcome;
	situation: string | null;
	advice: string | null;
	followUpWeeks: number | null;
	share: { advice: boolean; steps: boolean; referrals: boolean };
	steps: NextStepInput[];
	referralServiceIds: number[];
	idempotencyKey: string | null;
}

type RecordForm = z.output<ReturnType<typeof recordSchema>>;

export type ReferralWriter = (
	trx: Tx,
	input: {
		caseId: number;
		recordId: number;
		serviceIds: number[];
		staffId: number;
		now: Date;
		followupDays: number;
	}
) => Promise<number[]>;

/**
 * The record form as the page sends it (recordSchema) for the case and the booked talk of its
 * URL. A talk without a booking counts at noon of the day given (Berlin), so it falls on that
 * day in every statistic; a booked one takes its booking's start and format.
 */
export function recordFromForm(caseId: number, bookingId: number | null, form: RecordForm): RecordInput {
	const { heldOn, format, ...fields } = form;
	return {
		...fields,
		caseId,
		bookingId,
		heldAt: bookingId == null && heldOn ? berlinInstant(heldOn, '12:00') : null,
		format: bookingId == null ? format : null
	};
}

export type RecordResult = CaseResult | { ok: true; caseId: number; recordId: number };

export async function recordConsultation(
	services: Services,
	actor: CaseActor,
	scope: OfficeScope,
	input: RecordInput,
	writeReferrals: ReferralWriter,
	ctx: RequestContext = {}
): Promise<RecordResult> {
	return transactNow(services, async (trx, now): Promise<RecordResult> => {
		const t = now.getTime();
		const c = await caseFor(trx, actor, scope, input.caseId);
		if (!c) return { ok: false, reason: 'not_found' };
		if (input.idempotencyKey) {
			const known = await trx
				.selectFrom('consultation_record')
				.select(['id', 'case_id'])
				.where('idempotency_key', '=', input.idempotencyKey)
				.executeTakeFirst();
			if (known && Number(known.case_id) === c.id)
				return { ok: true, caseId: c.id, recordId: Number(known.id) };
		}
		if (c.status === 'closed') return { ok: false, reason: 'closed' };
		const withNotes = input.situation != null || input.advice != null;
		if (withNotes && c.notesConsentVersion == null) return { ok: false, reason: 'no_consent' };

		const talk = await talkRecorded(trx, c.id, input, t);
		if ('refused' in talk) return { ok: false, reason: talk.refused };
		const recordId = await insertRecord(trx, c.id, actor.id, input, talk, t);

		const settings = await getCaseSettings(trx, c.officeId);
		const referralIds =
			input.referralServiceIds.length > 0
				? await writeReferrals(trx, {
						caseId: c.id,
						recordId,
						serviceIds: input.referralServiceIds,
						staffId: actor.id,
						now,
						followupDays: settings.referralFollowupDays
					})
				: [];

		await syncRecordFact(trx, recordId, t); // statistics: the consultation counts (decision 008)

		const lastContact = Math.max(c.lastContactAt ?? 0, talk.heldAt);
		const topics = [...new Set([...c.topics, ...input.topics])];
		await trx
			.updateTable('case_file')
			.set({
				last_contact_at: lastContact,
				next_contact_due_at: dueAfterConsultation(lastContact, settings, input.followUpWeeks),
				topics: JSON.stringify(topics),
				status: c.status === 'paused' ? 'open' : c.status,
				updated_at: t
			})
			.where('id', '=', c.id)
			.execute();
		await auditCase(
			trx,
			actor,
			c.id,
			c.officeId,
			'case.record_created',
			{
				recordId,
				bookingId: input.bookingId,
				kind: talk.kind,
				steps: input.steps.length,
				referrals: referralIds.length,
				withNotes
			},
			now,
			ctx
		);
		return { ok: true, caseId: c.id, recordId };
	});
}

/** When, how and as which kind of talk the record counts. */
interface Talk {
	heldAt: number;
	format: string;
	kind: 'first' | 'follow_up';
}

/**
 * The talk a record documents: its booking's (which must be this case's, held and not yet
 * recorded; documenting it proves it took place, so a confirmed booking becomes attended), or,
 * without a booking, the given time, a follow-up when the case has a record already.
 */
async function talkRecorded(
	trx: Tx,
	caseId: number,
	input: RecordInput,
	t: number
): Promise<Talk | { refused: 'booking_invalid' | 'already_recorded' }> {
	if (input.bookingId == null) {
		const earlier = await trx
			.selectFrom('consultation_record')
			.select('id')
			.where('case_id', '=', caseId)
			.limit(1)
			.executeTakeFirst();
		return {
			heldAt: input.heldAt ?? t,
			format: input.format ?? 'office',
			kind: earlier ? 'follow_up' : 'first'
		};
	}
	// The same rule the record form explains its refusals by (talk-rules recordAccess).
	const talk = await bookingToRecord(trx, caseId, input.bookingId, t);
	if (talk.kind === 'not_found') return { refused: 'booking_invalid' };
	if (talk.kind === 'refused')
		return { refused: talk.reason === 'recorded' ? 'already_recorded' : 'booking_invalid' };
	const b = talk.booking;
	await trx
		.updateTable('booking')
		.set({ status: 'attended', updated_at: t })
		.where('id', '=', b.id)
		.where('status', '=', 'confirmed')
		.execute();
	return { heldAt: b.start, format: b.format, kind: b.kind };
}

/** The record row and its agreed next steps; answers the record's id. */
async function insertRecord(
	trx: Tx,
	caseId: number,
	consultantId: number,
	input: RecordInput,
	talk: Talk,
	t: number
): Promise<number> {
	const record = await trx
		.insertInto('consultation_record')
		.values({
			case_id: caseId,
			booking_id: input.bookingId,
			consultant_id: consultantId,
			held_at: talk.heldAt,
			kind: talk.kind,
			format: talk.format,
			topics: JSON.stringify([...new Set(input.topics)]),
			outcome: input.outcome,
			situation: input.situation,
			advice: input.advice,
			follow_up_weeks: input.followUpWeeks,
			share_advice: input.share.advice && input.advice != null ? 1 : 0,
			share_steps: input.share.steps ? 1 : 0,
			share_referrals: input.share.referrals ? 1 : 0,
			idempotency_key: input.idempotencyKey,
			created_at: t,
			updated_at: t
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const recordId = Number(record.id);
	for (const step of input.steps)
		await trx
			.insertInto('next_step')
			.values({
				case_id: caseId,
				record_id: recordId,
				text: step.text,
				owner: step.owner,
				due_on: step.dueOn,
				shared: input.share.steps ? 1 : 0,
				done_at: null,
				done_by_kind: null,
				created_at: t
			})
			.execute();
	return recordId;
}
