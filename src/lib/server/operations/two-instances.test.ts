import { afterEach, describe, expect, it } from 'vitest';
import { type TestServices, dialectUnderTest, testServices } from '../../../../tests/support/test-database';
import { HOUR } from '../../time/durations';
import { runMinuteJobs } from '../background';
import { confirmBooking, holdBooking } from '../booking/commands';
import {
	type BookingFixture,
	bookingFixture,
	holdInput,
	holdMailToken,
	slotsOn
} from '../../../../tests/support/booking-fixtures';
import { createSession, resolveSession } from '../identity/sessions';
import { type MailTransport, deliverDue, type OutboxRow } from '../notifications/deliver';
import { loadConfig } from '../platform/config';
import { createServices, type Services } from '../runtime';

/**
 * Issue 12, part 4: two app instances on one PostgreSQL database — two Services with their own
 * connection pools (as two processes would have), the same clock. Bookings go through both, both
 * run the same minute jobs and deliver mail at the same moment: every mail goes out exactly once,
 * no job's work is done twice, and a session made on one instance is valid on the other.
 */
let a: TestServices | null = null;
let b: Services | null = null;
afterEach(async () => {
	await b?.close();
	await a?.close();
	a = b = null;
});

function secondInstance(first: TestServices): Services {
	const second = createServices(
		loadConfig({
			DATABASE_URL: first.config.databaseUrl,
			SECRET_KEY: 'test-secret-key-with-at-least-32-chars'
		}),
		first.clock
	);
	return second;
}

type Slot = { start: number; consultantId: number };

function input(f: BookingFixture, slot: Slot, email: string) {
	return holdInput(f, slot.start, {
		consultantId: slot.consultantId,
		intake: { ...holdInput(f, slot.start).intake, email }
	});
}

async function book(via: Services, confirmVia: Services, f: BookingFixture, slot: Slot, i: number) {
	const email = `person${i}@example.org`;
	const held = await holdBooking(via, input(f, slot, email));
	if (!held.ok) return false;
	const r = await confirmBooking(confirmVia, await holdMailToken(via, held.bookingId));
	return r.ok;
}

function recordingTransport(sent: number[]): MailTransport {
	return {
		async send(row: OutboxRow) {
			// A little latency, so the two workers' rounds really overlap.
			await new Promise((r) => setTimeout(r, 2));
			sent.push(row.id);
		}
	};
}

describe.runIf(dialectUnderTest === 'postgres')('two instances on one PostgreSQL database', () => {
	it('bookings through both, jobs and mail on both: every mail once, no job twice, sessions shared', {
		timeout: 90_000
	}, async () => {
		a = await testServices();
		b = secondInstance(a);
		const f = await bookingFixture(a);
		// One day's office slots of both consultants (the same hours), so every reminder falls due together.
		const day = await slotsOn(a, f, '2026-06-17');
		expect(day.length).toBeGreaterThanOrEqual(3);
		const pick: Slot[] = day.slice(0, 3).flatMap((slot) => [
			{ start: slot.start, consultantId: f.consultantId },
			{ start: slot.start, consultantId: f.secondConsultantId }
		]);

		// Bookings through both instances at once, each confirmed through the other one.
		const results = await Promise.all(
			Array.from({ length: 4 }, (_, i) =>
				i % 2 === 0 ? book(a!, b!, f, pick[i]!, i) : book(b!, a!, f, pick[i]!, i)
			)
		);
		expect(results.every(Boolean)).toBe(true);
		// The same slot from both instances at the same moment: exactly one hold.
		const race = await Promise.all([
			holdBooking(a, input(f, pick[4]!, 'race-a@example.org')),
			holdBooking(b, input(f, pick[4]!, 'race-b@example.org'))
		]);
		expect(race.filter((r) => r.ok)).toHaveLength(1);

		// The minute jobs on both instances at the same moment, 23 h before the appointments.
		a.clock.set(new Date(pick[3]!.start - 23 * HOUR));
		const [ja, jb] = await Promise.all([runMinuteJobs(a), runMinuteJobs(b)]);
		expect((ja.bookingReminders ?? 0) + (jb.bookingReminders ?? 0)).toBe(4);
		const again = await Promise.all([runMinuteJobs(a), runMinuteJobs(b)]);
		for (const done of again) expect(Object.values(done).every((n) => n === 0)).toBe(true);
		const reminders = await a.db
			.selectFrom('outbox')
			.select(['to_address'])
			.where('template', '=', 'booking.reminder')
			.execute();
		expect(reminders).toHaveLength(4);
		expect(new Set(reminders.map((r) => r.to_address)).size).toBe(4);

		// Both instances deliver at once, round after round, until the outbox is empty.
		const sentA: number[] = [];
		const sentB: number[] = [];
		const options = (worker: string, s: Services) => ({
			worker,
			from: 'Kreativlotse <no-reply@kreativlotse.example>',
			maxAttempts: 3,
			now: () => s.clock.now()
		});
		for (let round = 0; round < 20; round++) {
			const [ra, rb] = await Promise.all([
				deliverDue(a.db, recordingTransport(sentA), options('a', a)),
				deliverDue(b.db, recordingTransport(sentB), options('b', b))
			]);
			if (ra.sent + rb.sent === 0) break;
		}
		const all = await a.db.selectFrom('outbox').select(['id', 'status']).execute();
		const sent = [...sentA, ...sentB].sort((x, y) => x - y);
		// A hold confirmation whose hold ended meanwhile is never sent but marked obsolete (issue 12).
		const due = all.filter((r) => r.status !== 'obsolete');
		expect(sent).toEqual(due.map((r) => r.id).sort((x, y) => x - y));
		expect(new Set(sent).size).toBe(sent.length);
		expect(due.every((r) => r.status === 'sent')).toBe(true);
		expect(due.length).toBeGreaterThan(0);
		// Both really worked (the rounds overlapped rather than one instance doing everything).
		expect(sentA.length).toBeGreaterThan(0);
		expect(sentB.length).toBeGreaterThan(0);

		// A session made on instance A is valid on instance B (and ended there, gone on A).
		const policy = { idleMinutes: 30, absoluteHours: 10 };
		const session = await createSession(
			a.db,
			{
				subjectKind: 'staff',
				subjectId: f.consultantId,
				stage: 'full',
				clientAddress: '127.0.0.1',
				userAgent: 'test'
			},
			policy,
			a.clock.now()
		);
		const onB = await resolveSession(b.db, session.token, policy, b.clock.now());
		expect(onB).toMatchObject({ kind: 'staff', id: f.consultantId });
	});
});
