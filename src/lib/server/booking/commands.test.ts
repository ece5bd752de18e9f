import { describe, expect, it } from 'vitest';
import type { TestServices } from '../../../../tests/support/test-database';
import { MINUTE } from '../../time/durations';
import {
	cancelByCreative,
	confirmBooking,
	holdBooking,
	releaseExpiredHolds,
	rescheduleByCreative,
	sendBookingLinks
} from './commands';
import {
	type BookingFixture,
	holdAndConfirm,
	servicesWithSlotsOn,
	holdInput,
	outbox,
	slotsOn,
	tokenFrom
} from '../../../../tests/support/booking-fixtures';
import { confirmPage, manageIcs, managePage } from './queries';
import { closeServicesAfterEach } from '../../../../tests/support/services-per-test';

closeServicesAfterEach();

// The test clock starts Monday 2026-06-15 10:00 Berlin; Wednesday is beyond the 24 h notice.
const DAY = '2026-06-17';

async function setup() {
	const { s, f, slots } = await servicesWithSlotsOn(DAY);
	expect(slots.length).toBeGreaterThan(2);
	return { s, f, slots };
}

describe('hold → confirm → manage', () => {
	it('holds, mails the confirm link, confirms by POST, mails creative (with .ics) and consultant', async () => {
		const { s, f, slots } = await setup();
		const slot = slots[0]!;
		const held = await holdBooking(s, holdInput(f, slot.start), { requestId: 'r1' });
		expect(held).toMatchObject({ ok: true, status: 'held', existing: false });
		if (!held.ok) throw new Error('no hold');
		expect(held.holdExpiresAt).toBe(s.clock.now().getTime() + 30 * MINUTE);

		// The slot is gone for others.
		expect((await slotsOn(s, f, DAY)).some((x) => x.start === slot.start)).toBe(false);

		let mails = await outbox(s);
		expect(mails).toHaveLength(1);
		expect(mails[0]!.subject).toBe('Bitte bestätigen Sie Ihren Termin');
		expect(mails[0]!.to_address).toBe('kim@example.org');
		expect(mails[0]!.template).toBe('booking.hold');
		expect(mails[0]!.text_body).toContain('http://localhost:3000/termin/bestaetigen/');
		expect(mails[0]!.text_body).toContain('Mittwoch, 17.06.2026');
		const confirmToken = tokenFrom(mails[0]!.text_body, '/termin/bestaetigen/');

		// Only the hash is stored.
		const row = await s.db.selectFrom('booking').selectAll().executeTakeFirstOrThrow();
		expect(row.confirm_token_hash).not.toContain(confirmToken);
		// Issue 12: the confirmation mail lives exactly as long as the hold.
		expect(Number(mails[0]!.valid_until)).toBe(Number(row.hold_expires_at));
		expect(row.consent_processing_version).toBe(1);
		expect(await s.db.selectFrom('consent_text').select('kind').execute()).toHaveLength(3);

		// Opening the link changes nothing.
		const page = await confirmPage(s.db, confirmToken, 'de', s.clock.now());
		expect(page).toMatchObject({ ok: true, booking: { status: 'held', consultantName: 'Berta Beraterin' } });

		s.clock.advance(10 * MINUTE);
		const confirmed = await confirmBooking(s, confirmToken, { requestId: 'r2' });
		expect(confirmed.ok).toBe(true);
		if (!confirmed.ok) throw new Error('not confirmed');
		expect(await confirmBooking(s, confirmToken)).toEqual({ ok: false, reason: 'used' });

		mails = await outbox(s);
		expect(mails.map((m) => [m.template, m.to_address])).toEqual([
			['booking.hold', 'kim@example.org'],
			['booking.confirmed', 'kim@example.org'],
			['booking.consultant.booked', 'berta@kreativlotse.example']
		]);
		const creative = mails[1]!;
		expect(creative.subject).toMatch(
			/^Ihr Termin ist bestätigt: Mittwoch, 17\.06\.2026, \d\d:\d\d–\d\d:\d\d Uhr$/
		);
		expect(creative.text_body).toContain(`/termin/verwalten/${confirmed.manageToken}`);
		expect(creative.text_body).toContain(`/termin/verwalten/${confirmed.manageToken}/termin.ics`);
		expect(creative.ics).toContain('METHOD:REQUEST');
		expect(creative.ics).toContain('DTSTART;TZID=Europe/Berlin:20260617T');
		expect(creative.office_id).toBe(f.officeId);
		expect(mails[2]!.subject).toMatch(/^Neuer Beratungstermin: /);
		expect(mails[2]!.text_body).not.toContain('Preise kalkuliere');

		const manage = await managePage(s.db, confirmed.manageToken, 'de', s.clock.now());
		expect(manage).toMatchObject({
			ok: true,
			canChange: true,
			booking: { status: 'confirmed', start: slot.start }
		});
		expect(await manageIcs(s, confirmed.manageToken, 'de', s.clock.now())).toContain('SEQUENCE:0');

		const audit = await s.db.selectFrom('audit_event').select('action').orderBy('id').execute();
		expect(audit.map((a) => a.action)).toEqual(['booking.held', 'booking.confirmed']);
	});

	it('a video booking gets its own video link from VIDEO_BASE_URL', async () => {
		const video = { VIDEO_BASE_URL: 'https://video.example.org/raum/' };
		const { s, f, slots } = await servicesWithSlotsOn(DAY, 'video', video);
		await holdAndConfirm(s, holdInput(f, slots[0]!.start, { format: 'video' }));
		const row = await s.db.selectFrom('booking').select('video_url').executeTakeFirstOrThrow();
		expect(row.video_url).toMatch(/^https:\/\/video\.example\.org\/raum\/[A-Za-z0-9_-]{16}$/);
		expect((await outbox(s))[1]!.text_body).toContain(row.video_url!);
	});

	it('a phone booking needs a phone number', async () => {
		const { s, f } = await setup();
		const slot = (await slotsOn(s, f, DAY, 'phone'))[0]!;
		const r = await holdBooking(s, holdInput(f, slot.start, { format: 'phone' }));
		expect(r).toEqual({ ok: false, reason: 'invalid', fields: { phone: 'required' } });
	});

	it('refuses unknown reference keys and missing consent, without a booking', async () => {
		const { s, f, slots } = await setup();
		const input = holdInput(f, slots[0]!.start);
		const r = await holdBooking(s, {
			...input,
			intake: { ...input.intake, land: 'DE-XX', topics: ['nope'] },
			consents: { processing: false, notes: false, news: false }
		});
		expect(r).toMatchObject({
			ok: false,
			reason: 'invalid',
			fields: { land: 'unknown', topics: 'unknown', consent_processing: 'required' }
		});
		expect(await s.db.selectFrom('booking').select('id').execute()).toHaveLength(0);
	});

	it('without a consultant, the first consultant offering that start takes it', async () => {
		const { s, f, slots } = await setup();
		const r1 = await holdBooking(s, holdInput(f, slots[0]!.start, { consultantId: null }));
		const r2 = await holdBooking(
			s,
			holdInput(f, slots[0]!.start, {
				consultantId: null,
				intake: { ...holdInput(f, 0).intake, email: 'other@example.org' }
			})
		);
		const r3 = await holdBooking(
			s,
			holdInput(f, slots[0]!.start, {
				consultantId: null,
				intake: { ...holdInput(f, 0).intake, email: 'third@example.org' }
			})
		);
		expect([r1.ok, r2.ok, r3]).toEqual([true, true, { ok: false, reason: 'slot_taken' }]);
		const rows = await s.db.selectFrom('booking').select('consultant_id').orderBy('id').execute();
		expect(new Set(rows.map((r) => r.consultant_id))).toEqual(
			new Set([f.consultantId, f.secondConsultantId])
		);
	});
});

describe('hold expiry', () => {
	it('after 30 minutes the slot is free again and the confirm link is refused', async () => {
		const { s, f, slots } = await setup();
		const slot = slots[0]!;
		await holdBooking(s, holdInput(f, slot.start));
		const token = tokenFrom((await outbox(s))[0]!.text_body, '/termin/bestaetigen/');
		s.clock.advance(29 * MINUTE);
		expect((await slotsOn(s, f, DAY)).some((x) => x.start === slot.start)).toBe(false);
		s.clock.advance(2 * MINUTE);
		expect((await slotsOn(s, f, DAY)).some((x) => x.start === slot.start)).toBe(true);
		expect(await confirmPage(s.db, token, 'de', s.clock.now())).toEqual({ ok: false, reason: 'expired' });
		expect(await confirmBooking(s, token)).toEqual({ ok: false, reason: 'expired' });
		// Someone else can take it now, before any job ran (the hold expires inside the transaction).
		const other = await holdBooking(
			s,
			holdInput(f, slot.start, { intake: { ...holdInput(f, 0).intake, email: 'else@example.org' } })
		);
		expect(other.ok).toBe(true);
		const statuses = await s.db.selectFrom('booking').select('status').orderBy('id').execute();
		expect(statuses.map((r) => r.status)).toEqual(['expired', 'held']);
	});

	it('releaseExpiredHolds marks stale holds expired', async () => {
		const { s, f, slots } = await setup();
		await holdBooking(s, holdInput(f, slots[0]!.start));
		expect(await releaseExpiredHolds(s.db, s.clock.now())).toBe(0);
		s.clock.advance(31 * MINUTE);
		expect(await releaseExpiredHolds(s.db, s.clock.now())).toBe(1);
		expect((await s.db.selectFrom('booking').select('status').executeTakeFirstOrThrow()).status).toBe(
			'expired'
		);
	});
});

describe('idempotency and the per-person limit', () => {
	it('the same idempotency key twice gives one booking; a different request with it is refused', async () => {
		const { s, f, slots } = await setup();
		const input = holdInput(f, slots[0]!.start, { idempotencyKey: 'form:abc123' });
		const [a, b] = await Promise.all([holdBooking(s, input), holdBooking(s, input)]);
		expect(a.ok && b.ok).toBe(true);
		if (!a.ok || !b.ok) throw new Error('expected both ok');
		expect(a.bookingId).toBe(b.bookingId);
		expect([a.existing, b.existing].sort()).toEqual([false, true]);
		expect(await s.db.selectFrom('booking').select('id').execute()).toHaveLength(1);
		expect(await outbox(s)).toHaveLength(1);
		const changed = await holdBooking(s, { ...input, start: slots[1]!.start });
		expect(changed).toEqual({ ok: false, reason: 'idempotency_conflict' });
	});

	it('one open first consultation per e-mail address across the network', async () => {
		const { s, f, slots } = await setup();
		const first = await holdBooking(s, holdInput(f, slots[0]!.start));
		if (!first.ok) throw new Error('no hold');
		const second = await holdBooking(
			s,
			holdInput(f, slots[2]!.start, { intake: { ...holdInput(f, 0).intake, email: ' KIM@example.org ' } })
		);
		expect(second).toEqual({ ok: false, reason: 'limit_reached', bookingId: first.bookingId });
		// Once the first is cancelled (or expired), a new one is possible.
		s.clock.advance(31 * MINUTE);
		expect((await holdBooking(s, holdInput(f, slots[2]!.start))).ok).toBe(true);
	});

	it('FIRST_BOOKING_LIMIT=2 allows two', async () => {
		const { s, f, slots } = await servicesWithSlotsOn(DAY, 'office', { FIRST_BOOKING_LIMIT: '2' });
		expect((await holdBooking(s, holdInput(f, slots[0]!.start))).ok).toBe(true);
		expect((await holdBooking(s, holdInput(f, slots[2]!.start))).ok).toBe(true);
		expect(await holdBooking(s, holdInput(f, slots[1]!.start))).toMatchObject({ reason: 'limit_reached' });
	});
});

describe('50 parallel holds of one slot', () => {
	it('exactly one succeeds, 49 answer slot_taken, none throws', async () => {
		const { s, f, slots } = await setup();
		const slot = slots[0]!;
		const base = holdInput(f, slot.start);
		const results = await Promise.allSettled(
			Array.from({ length: 50 }, (_, i) =>
				holdBooking(s, { ...base, intake: { ...base.intake, email: `person${i}@example.org` } })
			)
		);
		expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
		const values = results.map(
			(r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof holdBooking>>>).value
		);
		expect(values.filter((v) => v.ok)).toHaveLength(1);
		expect(values.filter((v) => !v.ok && v.reason === 'slot_taken')).toHaveLength(49);
		const active = await s.db.selectFrom('booking').select('id').where('status', '=', 'held').execute();
		expect(active).toHaveLength(1);
	}, 60_000);
});

async function confirmedBooking(s: TestServices, f: BookingFixture, start: number) {
	return (await holdAndConfirm(s, holdInput(f, start))).manageToken;
}

describe('manage link', () => {
	it('cancel frees the slot, mails both sides with METHOD:CANCEL', async () => {
		const { s, f, slots } = await setup();
		const manageToken = await confirmedBooking(s, f, slots[0]!.start);
		const before = (await outbox(s)).length;
		expect(await cancelByCreative(s, manageToken)).toMatchObject({ ok: true });
		expect((await slotsOn(s, f, DAY)).some((x) => x.start === slots[0]!.start)).toBe(true);
		const mails = (await outbox(s)).slice(before);
		expect(mails.map((m) => [m.template, m.to_address])).toEqual([
			['booking.cancelled', 'kim@example.org'],
			['booking.consultant.cancelled', 'berta@kreativlotse.example']
		]);
		expect(mails[0]!.subject).toMatch(/^Ihr Termin wurde abgesagt: /);
		expect(mails[0]!.ics).toContain('METHOD:CANCEL');
		expect(mails[0]!.ics).toContain('SEQUENCE:1');
		expect(mails[0]!.text_body).toContain('http://localhost:3000/termin\n');
		expect(await cancelByCreative(s, manageToken)).toEqual({ ok: false, reason: 'not_active' });
		// The download publishes the cancelled entry; METHOD:CANCEL only travels in the mail.
		const download = await manageIcs(s, manageToken, 'de', s.clock.now());
		expect(download).toContain('\r\nMETHOD:PUBLISH\r\n');
		expect(download).toContain('\r\nSTATUS:CANCELLED\r\n');
		expect(download).not.toContain('ATTENDEE');
		expect(await managePage(s.db, manageToken, 'de', s.clock.now())).toMatchObject({
			ok: true,
			canChange: false,
			booking: { status: 'cancelled' }
		});
	});

	it('reschedule moves to another free slot and bumps SEQUENCE; the old slot is free', async () => {
		const { s, f, slots } = await setup();
		const manageToken = await confirmedBooking(s, f, slots[0]!.start);
		const before = (await outbox(s)).length;
		const target = slots[2]!;
		const r = await rescheduleByCreative(s, manageToken, {
			start: target.start,
			consultantId: f.consultantId
		});
		expect(r).toMatchObject({ ok: true });
		const row = await s.db.selectFrom('booking').selectAll().executeTakeFirstOrThrow();
		expect([row.start_at, row.ics_sequence, row.status]).toEqual([target.start, 1, 'confirmed']);
		const mails = (await outbox(s)).slice(before);
		expect(mails.map((m) => m.template)).toEqual(['booking.moved', 'booking.consultant.moved']);
		expect(mails[0]!.ics).toContain('SEQUENCE:1');
		expect(mails[0]!.text_body).toContain(`/termin/verwalten/${manageToken}`);
		const free = await slotsOn(s, f, DAY);
		expect(free.some((x) => x.start === slots[0]!.start)).toBe(true);
		expect(free.some((x) => x.start === target.start)).toBe(false);
		// A second move bumps again.
		await rescheduleByCreative(s, manageToken, { start: slots[0]!.start, consultantId: f.consultantId });
		expect(await manageIcs(s, manageToken, 'de', s.clock.now())).toContain('SEQUENCE:2');
	});

	it('a slot another booking holds cannot be taken by a move', async () => {
		const { s, f, slots } = await setup();
		const manageToken = await confirmedBooking(s, f, slots[0]!.start);
		await holdBooking(
			s,
			holdInput(f, slots[2]!.start, { intake: { ...holdInput(f, 0).intake, email: 'x@example.org' } })
		);
		expect(
			await rescheduleByCreative(s, manageToken, { start: slots[2]!.start, consultantId: f.consultantId })
		).toEqual({ ok: false, reason: 'slot_taken' });
	});

	it('after the change deadline the page offers the office phone instead', async () => {
		const { s, f, slots } = await setup();
		const manageToken = await confirmedBooking(s, f, slots[0]!.start);
		s.clock.set(new Date(slots[0]!.start - 23 * 60 * MINUTE));
		expect(await cancelByCreative(s, manageToken)).toEqual({
			ok: false,
			reason: 'too_late',
			officePhone: '0234 123456'
		});
		expect(await managePage(s.db, manageToken, 'de', s.clock.now())).toMatchObject({
			ok: true,
			canChange: false
		});
	});

	it('invalid and expired manage links', async () => {
		const { s, f, slots } = await setup();
		expect(await cancelByCreative(s, 'x')).toEqual({ ok: false, reason: 'invalid' });
		expect(await cancelByCreative(s, 'A'.repeat(43))).toEqual({ ok: false, reason: 'invalid' });
		const manageToken = await confirmedBooking(s, f, slots[0]!.start);
		s.clock.set(new Date(slots[0]!.end + 25 * 60 * MINUTE));
		expect(await managePage(s.db, manageToken, 'de', s.clock.now())).toEqual({
			ok: false,
			reason: 'expired'
		});
	});

	it('a new link replaces the old one; the answer never tells whether bookings exist', async () => {
		const { s, f, slots } = await setup();
		const manageToken = await confirmedBooking(s, f, slots[0]!.start);
		expect(
			await sendBookingLinks(s, { email: 'nobody@example.org', clientAddress: '192.0.2.9', locale: 'de' })
		).toEqual({ ok: true });
		const before = (await outbox(s)).length;
		expect(
			await sendBookingLinks(s, { email: 'kim@example.org', clientAddress: '192.0.2.9', locale: 'de' })
		).toEqual({
			ok: true
		});
		const mails = (await outbox(s)).slice(before);
		expect(mails).toHaveLength(1);
		expect(mails[0]!.subject).toBe('Ihr Link zur Terminverwaltung');
		const fresh = tokenFrom(mails[0]!.text_body, '/termin/verwalten/');
		expect(await managePage(s.db, manageToken, 'de', s.clock.now())).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await managePage(s.db, fresh, 'de', s.clock.now())).toMatchObject({ ok: true });
		for (let i = 0; i < 2; i++)
			await sendBookingLinks(s, { email: 'kim@example.org', clientAddress: '192.0.2.9', locale: 'de' });
		expect(
			await sendBookingLinks(s, { email: 'kim@example.org', clientAddress: '192.0.2.9', locale: 'de' })
		).toMatchObject({ ok: false, reason: 'throttled' });
	});
});

describe('mail headers', () => {
	it('a name with line breaks never reaches a header', async () => {
		const { s, f, slots } = await setup();
		const input = holdInput(f, slots[0]!.start);
		await holdBooking(s, { ...input, intake: { ...input.intake, name: 'Kim\r\nBcc: evil@example.org' } });
		const mail = (await outbox(s))[0]!;
		expect(mail.to_name).toBe('Kim Bcc: evil@example.org');
		expect(mail.to_name).not.toMatch(/[\r\n]/);
		expect(mail.subject).not.toMatch(/[\r\n]/);
	});
});
