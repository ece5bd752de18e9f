import { describe, expect, it } from 'vitest';
import type { TestServices } from '../../../../tests/support/test-database';
import { mintScope } from '../access/scope';
import {
	type BookingFixture,
	servicesWithBookingFixture,
	tokenFrom
} from '../../../../tests/support/booking-fixtures';
import { bookFollowUp, followUpSlots } from '../booking/follow-up';
import { cancelByCreative } from '../booking/manage';
import { cancelByStaff, markAttendance } from '../booking/staff-commands';
import { myCases, myFollowUpCases } from '../portal/plan-queries';
import { parsePeriod } from '../statistics/period-rules';
import { statisticsFigures } from '../statistics/queries';
import {
	confirmedBooking,
	consultant,
	noReferrals,
	officeScope,
	recordInput
} from '../../../../tests/support/case-fixtures';
import { recordConsultation } from './record';
import { bookingToRecord } from './talks';
import { closeServicesAfterEach } from '../../../../tests/support/services-per-test';

/** Issue 16, part 1, against a real database: follow-ups after a talk, self-closing cases, statistics. */
closeServicesAfterEach();

const setup = servicesWithBookingFixture;

const staff = (f: BookingFixture) => ({
	id: f.consultantId,
	email: f.consultantEmail,
	role: 'consultant' as const
});
const june = {
	period: parsePeriod(new URLSearchParams('zeitraum=monat&monat=2026-06'), '2026-06-16'),
	officeId: null,
	land: null
};

async function manageTokenOf(s: TestServices, bookingId: number): Promise<string> {
	const mail = await s.db
		.selectFrom('outbox')
		.select('text_body')
		.where('subject_id', '=', String(bookingId))
		.where('text_body', 'like', '%/termin/verwalten/%')
		.orderBy('id', 'desc')
		.executeTakeFirstOrThrow();
	return tokenFrom(mail.text_body, '/termin/verwalten/');
}

/** The case file row, every column. */
const caseFile = (s: TestServices, caseId: number) =>
	s.db.selectFrom('case_file').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();

const creativeOf = async (s: TestServices, caseId: number) => Number((await caseFile(s, caseId)).creative_id);

/** The follow-up slots the creative is offered for the case from a Berlin day on. */
const creativeSlots = (s: TestServices, creativeId: number, caseId: number, from: string) =>
	followUpSlots(s.db, { kind: 'creative', creativeId }, caseId, from, s.clock.now());

/** The creative books a follow-up for the case themselves, without an idempotency key. */
const creativeBooks = (
	s: TestServices,
	creativeId: number,
	talk: { caseId: number; start: number; format: 'office' | 'video' }
) => bookFollowUp(s, { kind: 'creative', creativeId }, { ...talk, idempotencyKey: null });

describe('talks decide what a case allows (issue 16)', () => {
	it('a creative who cancelled their only first talk gets no follow-up; the case closes itself and is not counted', async () => {
		const { s, f } = await setup();
		const b = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		const creativeId = await creativeOf(s, b.caseId);

		// Before the talk: an open case, but no follow-up in the portal or for staff.
		expect(await myFollowUpCases(s.db, creativeId)).toEqual([]);
		const [mine] = await myCases(s.db, creativeId, 'de');
		expect(mine).toMatchObject({ status: 'open', canBookFollowUp: false });
		const offered = await creativeSlots(s, creativeId, b.caseId, '2026-06-16');
		expect(offered).toMatchObject({ noTalk: true, slots: [] });
		const refused = await creativeBooks(s, creativeId, {
			caseId: b.caseId,
			start: b.start + 7 * 86_400_000,
			format: 'video'
		});
		expect(refused).toEqual({ ok: false, reason: 'no_consultation' });

		// The confirmation step's optional reason reaches the office (mail) and the statistics.
		expect(await cancelByCreative(s, await manageTokenOf(s, b.bookingId), {}, 'not_needed')).toMatchObject({
			ok: true
		});
		const cancelled = await s.db
			.selectFrom('booking')
			.select(['cancel_reason_key', 'cancel_reason'])
			.where('id', '=', b.bookingId)
			.executeTakeFirstOrThrow();
		expect(cancelled).toEqual({
			cancel_reason_key: 'not_needed',
			cancel_reason: 'Ich brauche die Beratung nicht mehr'
		});
		const toOffice = await s.db
			.selectFrom('outbox')
			.select('text_body')
			.where('to_address', '=', f.consultantEmail)
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(toOffice.text_body).toContain('Ich brauche die Beratung nicht mehr');
		const closed = await caseFile(s, b.caseId);
		expect(closed).toMatchObject({ status: 'closed', close_reason: 'no_talk', next_contact_due_at: null });
		const event = await s.db
			.selectFrom('case_event')
			.select(['kind', 'actor_kind'])
			.where('case_id', '=', b.caseId)
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(event).toEqual({ kind: 'closed', actor_kind: 'system' });
		const audit = await s.db
			.selectFrom('audit_event')
			.select(['action', 'actor_kind'])
			.where('subject_kind', '=', 'case')
			.where('subject_id', '=', String(b.caseId))
			.executeTakeFirstOrThrow();
		expect(audit).toEqual({ action: 'case.closed', actor_kind: 'system' });

		const figures = await statisticsFigures(s.db, mintScope(true, []), june, s.clock.now().getTime());
		expect(figures!.cases.opened).toBe(0);
		expect(figures!.consultations.total).toBe(0);
		expect(figures!.cases.closeReasons).toEqual([{ key: 'no_talk', n: 1 }]);
		expect(figures!.cases.cancelReasons).toEqual([{ key: 'not_needed', n: 1 }]);

		// A new booking later reopens the case and clears the reason.
		s.clock.set(new Date(b.start + 3_600_000));
		const again = await confirmedBooking(s, f, { day: '2026-06-19', email: 'kim@example.org' });
		expect(again.caseId).toBe(b.caseId);
		const reopened = await caseFile(s, b.caseId);
		expect(reopened).toMatchObject({ status: 'open', close_reason: null });
	});

	it('a case stays open when one of two bookings is cancelled by staff, and after an attended talk follow-ups are offered', async () => {
		const { s, f } = await setup();
		const first = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		const scope = officeScope(f.officeId);
		s.clock.set(new Date(first.start + 30 * 60_000));
		expect((await markAttendance(s, staff(f), scope, first.bookingId, 'attended')).ok).toBe(true);
		const creativeId = await creativeOf(s, first.caseId);
		expect((await myFollowUpCases(s.db, creativeId)).map((c) => c.id)).toEqual([first.caseId]);
		const offered = await creativeSlots(s, creativeId, first.caseId, '2026-06-17');
		expect(offered!.noTalk).toBe(false);
		expect(offered!.slots.length).toBeGreaterThan(0);
		const slot = offered!.slots.find((x) => x.format === 'video' || x.format === 'office')!;
		const booked = await creativeBooks(s, creativeId, {
			caseId: first.caseId,
			start: slot.start,
			format: slot.format as 'office' | 'video'
		});
		expect(booked.ok).toBe(true);
		if (!booked.ok) return;
		expect((await cancelByStaff(s, staff(f), scope, booked.bookingId, 'krank')).ok).toBe(true);
		expect((await caseFile(s, first.caseId)).status).toBe('open');
	});

	it('a phone call recorded without booking makes follow-ups possible; a booked talk is refused before its start', async () => {
		const { s, f } = await setup();
		const b = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		const actor = consultant(f);
		const scope = officeScope(f.officeId);
		const early = await recordConsultation(
			s,
			actor,
			scope,
			recordInput(b.caseId, { bookingId: b.bookingId }),
			noReferrals
		);
		expect(early).toEqual({ ok: false, reason: 'booking_invalid' });
		// The record form asks the same rule: refused before the start, not found for another case.
		const now = s.clock.now().getTime();
		expect(await bookingToRecord(s.db, b.caseId, b.bookingId, now)).toMatchObject({
			kind: 'refused',
			reason: 'before_start'
		});
		expect(await bookingToRecord(s.db, b.caseId + 1, b.bookingId, now)).toEqual({ kind: 'not_found' });
		expect(await bookingToRecord(s.db, b.caseId, Number.NaN, now)).toEqual({ kind: 'not_found' });
		const atStart = await bookingToRecord(s.db, b.caseId, b.bookingId, Date.parse('2026-06-16T22:00:00Z'));
		expect(atStart).toMatchObject({ kind: 'ok', booking: { id: b.bookingId } });
		const call = await recordConsultation(
			s,
			actor,
			scope,
			recordInput(b.caseId, { heldAt: s.clock.now().getTime(), format: 'phone' }),
			noReferrals
		);
		expect(call.ok).toBe(true);
		const creativeId = await creativeOf(s, b.caseId);
		expect((await myFollowUpCases(s.db, creativeId)).map((c) => c.id)).toEqual([b.caseId]);
		const record = await s.db
			.selectFrom('consultation_record')
			.select(['format', 'booking_id'])
			.executeTakeFirstOrThrow();
		expect(record).toEqual({ format: 'phone', booking_id: null });
		// A recorded call keeps the case open when the booked talk is then cancelled.
		expect(await cancelByCreative(s, await manageTokenOf(s, b.bookingId))).toMatchObject({ ok: true });
		expect((await caseFile(s, b.caseId)).status).toBe('open');
	});
});
