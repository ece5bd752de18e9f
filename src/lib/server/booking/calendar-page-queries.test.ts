import { describe, expect, it } from 'vitest';
import { servicesWithBookingFixture, servicesWithSlotsOn } from '../../../../tests/support/booking-fixtures';
import { confirmedBooking, officeScope } from '../../../../tests/support/case-fixtures';
import { calendarBookingPage, onBehalfPage } from './calendar-page-queries';
import type { OfficeActor } from './settings';
import { moveInCalendar } from './staff-commands';
import { closeServicesAfterEach } from '../../../../tests/support/services-per-test';

/**
 * Issue 17: the calendar's booking page reads one view — the moves its state and time allow and
 * the slots to move it to — and its move keeps consultant and format, as the page offers.
 */
closeServicesAfterEach();

// The test clock starts Monday 2026-06-15 10:00 Berlin.
const DAY = '2026-06-17';

async function setup() {
	const { s, f, slots } = await servicesWithSlotsOn(DAY);
	const { bookingId } = await confirmedBooking(s, f, { day: DAY, email: 'kim@example.org' });
	const admin: OfficeActor = { id: 1, email: 'admin@example.org', role: 'network_admin' };
	return { s, f, slots, bookingId, viewer: admin, scope: officeScope(f.officeId) };
}

describe('calendarBookingPage', () => {
	it('offers moves before the talk and attendance after it, slots from the asked day on', async () => {
		const { s, f, bookingId, viewer: lead, scope } = await setup();
		const at = (askedFrom: string | null) =>
			calendarBookingPage(s.db, scope, lead, f.officeId, bookingId, {
				locale: 'de',
				askedFrom,
				now: s.clock.now()
			});

		const before = (await at(null))!;
		expect(before).toMatchObject({
			day: DAY,
			movable: true,
			cancellable: true,
			canMarkAttendance: false,
			attendanceLater: true,
			moveFrom: '2026-06-15'
		});
		expect(before.booking).toMatchObject({ status: 'confirmed', submarket: 'design', stage: 'idee' });
		expect(before.booking.submarketName).not.toBe('design');
		expect(before.booking.topicNames).toHaveLength(1);
		expect(before.moveSlots.length).toBeGreaterThan(0);
		expect(before.moveSlots.every((m) => m.value === String(m.start))).toBe(true);
		// An asked day in the past or not a day at all starts today; a later one is taken.
		expect((await at('2026-06-01'))!.moveFrom).toBe('2026-06-15');
		expect((await at('morgen'))!.moveFrom).toBe('2026-06-15');
		const later = (await at('2026-06-22'))!;
		expect(later.moveFrom).toBe('2026-06-22');
		expect(later.moveSlots.every((m) => m.start >= Date.parse('2026-06-21T22:00:00Z'))).toBe(true);

		s.clock.set('2026-06-17T12:00:00Z');
		expect(await at(null)).toMatchObject({
			movable: false,
			cancellable: true,
			canMarkAttendance: true,
			attendanceLater: false,
			moveSlots: []
		});
		const elsewhere = officeScope(f.officeId + 1000);
		expect(
			await calendarBookingPage(s.db, elsewhere, lead, f.officeId, bookingId, {
				locale: 'de',
				askedFrom: null,
				now: s.clock.now()
			})
		).toBeNull();
	});
});

describe('moveInCalendar', () => {
	it('moves to another start with the same consultant and format; outside the office it finds nothing', async () => {
		const { s, f, slots, bookingId, viewer: lead, scope } = await setup();
		const start = slots[2]!.start;
		const outside = officeScope(f.officeId + 1000);
		const target = { officeId: f.officeId, bookingId, start };
		expect(await moveInCalendar(s, lead, outside, target, '')).toEqual({ ok: false, reason: 'not_found' });
		expect(await moveInCalendar(s, lead, scope, target, 'Raum belegt')).toMatchObject({ ok: true });
		const row = await s.db
			.selectFrom('booking')
			.select(['start_at', 'consultant_id', 'format', 'status'])
			.where('status', 'in', ['held', 'confirmed'])
			.executeTakeFirstOrThrow();
		expect([Number(row.start_at), Number(row.consultant_id), row.format]).toEqual([
			start,
			f.consultantId,
			'office'
		]);
	});
});

describe('onBehalfPage', () => {
	it('keeps only what the office has of the asked consultant, format and day, and lists that day’s slots', async () => {
		const { s, f } = await servicesWithBookingFixture();
		const ask = (consultant: string | null, format: string | null, day: string | null) =>
			onBehalfPage(s.db, f.officeId, 'de', { consultant, format, day }, s.clock.now());

		const none = await ask(null, null, null);
		expect(none).toMatchObject({ consultantId: null, format: null, day: '2026-06-16' });
		expect(none.consultants.map((c) => c.id).sort()).toEqual([f.consultantId, f.secondConsultantId].sort());
		expect(none.laender).toHaveLength(16);
		expect(Object.keys(none.topics[0]!).sort()).toEqual(['key', 'name']);

		const asked = await ask(String(f.consultantId), 'phone', DAY);
		expect(asked).toMatchObject({ consultantId: f.consultantId, format: 'phone', day: DAY });
		expect(asked.slots.length).toBeGreaterThan(0);
		expect(asked.slots.every((x) => x.format === 'phone' && x.consultantName === 'Berta Beraterin')).toBe(
			true
		);
		expect(asked.slots[0]!.value).toBe(`${asked.slots[0]!.start}:${f.consultantId}:phone`);

		// Another office's person, an unknown format, no day: "any" and tomorrow.
		expect(await ask('999999', 'fax', 'gestern')).toMatchObject({
			consultantId: null,
			format: null,
			day: '2026-06-16'
		});
	});
});
