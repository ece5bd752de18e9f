import { describe, expect, it } from 'vitest';
import { auditRowsOf } from '../../../../tests/support/audit-rows';
import { HOUR } from '../../time/durations';
import { mintScope } from '../access/scope';
import { holdBooking, sendDueReminders } from './commands';
import {
	holdAndConfirm,
	servicesWithSlotsOn,
	holdInput,
	outbox
} from '../../../../tests/support/booking-fixtures';
import { bookOnBehalf, cancelByStaff, markAttendance, moveByStaff } from './staff-commands';
import { raceTest } from '../../../../tests/support/race-name';
import { closeServicesAfterEach } from '../../../../tests/support/services-per-test';

closeServicesAfterEach();

const DAY = '2026-06-17';

async function confirmed() {
	const { s, f, slots } = await servicesWithSlotsOn(DAY);
	await holdAndConfirm(s, holdInput(f, slots[0]!.start));
	return { s, f, slots, start: slots[0]!.start };
}

describe('sendDueReminders', () => {
	it(raceTest('sends the reminder 24 h before, exactly once with two instances at once'), async () => {
		const { s, start } = await confirmed();
		s.clock.set(new Date(start - 25 * HOUR));
		expect(await sendDueReminders(s, s.clock.now())).toBe(0);
		s.clock.set(new Date(start - 23 * HOUR));
		const counts = await Promise.all([
			sendDueReminders(s, s.clock.now()),
			sendDueReminders(s, s.clock.now())
		]);
		expect(counts[0]! + counts[1]!).toBe(1);
		expect(await sendDueReminders(s, s.clock.now())).toBe(0);
		const reminders = (await outbox(s)).filter((m) => m.template === 'booking.reminder');
		expect(reminders).toHaveLength(1);
		expect(reminders[0]!.subject).toMatch(/^Erinnerung: Ihr Termin am Mittwoch, 17\.06\.2026/);
		expect(reminders[0]!.dedupe_key).toMatch(/^booking-reminder-\d+$/);
		expect(reminders[0]!.text_body).toContain('/termin/link-anfordern');
		const audit = await auditRowsOf(s.db, 'booking.reminder_sent');
		expect(audit).toHaveLength(1);
	});

	it('no reminder for holds or cancelled bookings', async () => {
		const { s, f, slots } = await servicesWithSlotsOn(DAY);
		await holdBooking(s, holdInput(f, slots[0]!.start));
		s.clock.set(new Date(slots[0]!.start - 2 * HOUR));
		expect(await sendDueReminders(s, s.clock.now())).toBe(0);
	});
});

describe('staff commands', () => {
	const lead = (id: number) => ({ id, email: 'lead@kreativlotse.example', role: 'office_lead' as const });

	it('books on behalf: confirmed at once, both mailed, same limit as the public flow', async () => {
		const { s, f, slots } = await servicesWithSlotsOn(DAY);
		const scope = mintScope(false, [f.officeId]);
		const r = await bookOnBehalf(s, lead(f.consultantId), scope, holdInput(f, slots[0]!.start));
		expect(r).toMatchObject({ ok: true, status: 'confirmed' });
		const mails = await outbox(s);
		expect(mails.map((m) => m.template)).toEqual(['booking.confirmed', 'booking.consultant.bookedByStaff']);
		expect(mails[0]!.text_body).toContain('/termin/verwalten/');
		const again = await bookOnBehalf(s, lead(f.consultantId), scope, holdInput(f, slots[1]!.start));
		expect(again).toMatchObject({ ok: false, reason: 'limit_reached' });
		// Another office's scope: not found.
		expect(
			await bookOnBehalf(s, lead(f.consultantId), mintScope(false, [9999]), holdInput(f, slots[1]!.start))
		).toEqual({
			ok: false,
			reason: 'not_found'
		});
	});

	it('cancel with a reason, move, attendance; consultants only act on their own bookings', async () => {
		const { s, f, slots } = await confirmed();
		const scope = mintScope(false, [f.officeId]);
		const id = Number((await s.db.selectFrom('booking').select('id').executeTakeFirstOrThrow()).id);
		const other = {
			id: f.secondConsultantId,
			email: 'zeno@kreativlotse.example',
			role: 'consultant' as const
		};
		expect(await cancelByStaff(s, other, scope, id, 'krank')).toEqual({ ok: false, reason: 'not_found' });

		const moved = await moveByStaff(
			s,
			lead(1),
			scope,
			id,
			{ start: slots[2]!.start, consultantId: f.secondConsultantId },
			'Urlaub'
		);
		expect(moved).toEqual({ ok: true, bookingId: id });
		const row = await s.db.selectFrom('booking').selectAll().executeTakeFirstOrThrow();
		expect([row.consultant_id, row.start_at, row.ics_sequence]).toEqual([
			f.secondConsultantId,
			slots[2]!.start,
			1
		]);
		const templates = (await outbox(s)).map((m) => `${m.template}:${m.to_address}`);
		expect(templates.slice(-3)).toEqual([
			'booking.consultant.cancelled:berta@kreativlotse.example',
			'booking.moved:kim@example.org',
			'booking.consultant.moved:zeno@kreativlotse.example'
		]);

		expect(await markAttendance(s, other, scope, id, 'attended')).toEqual({ ok: false, reason: 'not_yet' });
		s.clock.set(new Date(slots[2]!.start + HOUR));
		expect(await markAttendance(s, other, scope, id, 'no_show')).toEqual({ ok: true, bookingId: id });
		expect((await s.db.selectFrom('booking').select('status').executeTakeFirstOrThrow()).status).toBe(
			'no_show'
		);
		expect(await cancelByStaff(s, lead(1), scope, id, 'zu spät')).toEqual({
			ok: false,
			reason: 'not_active'
		});
	});

	it('cancel by staff mails the reason and METHOD:CANCEL', async () => {
		const { s, f } = await confirmed();
		const id = Number((await s.db.selectFrom('booking').select('id').executeTakeFirstOrThrow()).id);
		expect(await cancelByStaff(s, lead(1), mintScope(false, [f.officeId]), id, 'Krankheit')).toEqual({
			ok: true,
			bookingId: id
		});
		const mail = (await outbox(s)).find((m) => m.template === 'booking.cancelled')!;
		expect(mail.text_body).toContain('Grund: Krankheit');
		expect(mail.ics).toContain('METHOD:CANCEL');
		const row = await s.db
			.selectFrom('booking')
			.select(['status', 'cancel_reason'])
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ status: 'cancelled', cancel_reason: 'Krankheit' });
	});
});
