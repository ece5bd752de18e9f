import { describe, expect, it } from 'vitest';
import { testServices, type TestServices } from '../../../../tests/support/test-database';
import { HOUR } from '../../time/durations';
import { addStaff } from '../../../../tests/support/identity-fixtures';
import { kimBookingRow } from '../../../../tests/support/booking-row';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

const T0 = Date.parse('2026-07-01T08:00:00Z');

async function fixture(svc: TestServices) {
	const office = await svc.db
		.selectFrom('office')
		.select('id')
		.where('key', '=', 'nw')
		.executeTakeFirstOrThrow();
	const consultant = await addStaff(svc, { name: 'C', password: false, totp: false });
	return { officeId: office.id, consultantId: consultant.id };
}

function row(
	f: { officeId: number; consultantId: number },
	start: number,
	end: number,
	status: 'held' | 'confirmed' | 'cancelled'
) {
	return kimBookingRow({ officeId: f.officeId, consultantId: f.consultantId, start, end, status, at: T0 });
}

// The database itself refuses overlapping active bookings of one consultant (exclusion
// constraint on PostgreSQL, trigger on SQLite), whatever the application code does.
describe('booking overlap guarantee in the schema', () => {
	it.each([
		['the same slot', T0, T0 + HOUR, false],
		['a partly overlapping slot', T0 + HOUR / 2, T0 + HOUR + HOUR / 2, false],
		['a slot inside it', T0 + 10 * 60_000, T0 + 20 * 60_000, false],
		['the slot right after (touching)', T0 + HOUR, T0 + 2 * HOUR, true],
		['the slot right before (touching)', T0 - HOUR, T0, true]
	])('a held booking, then %s -> allowed=%s', async (_, start, end, allowed) => {
		s = await testServices();
		const f = await fixture(s);
		await s.db
			.insertInto('booking')
			.values(row(f, T0, T0 + HOUR, 'held'))
			.execute();
		const attempt = s.db
			.insertInto('booking')
			.values(row(f, start, end, 'confirmed'))
			.execute();
		if (allowed) await expect(attempt).resolves.toBeDefined();
		else await expect(attempt).rejects.toThrow(/booking_no_overlap|exclusion|conflicting key/);
	});

	it('cancelled bookings do not block, and another consultant is independent', async () => {
		s = await testServices();
		const f = await fixture(s);
		const g = await fixture(s);
		await s.db
			.insertInto('booking')
			.values(row(f, T0, T0 + HOUR, 'cancelled'))
			.execute();
		await s.db
			.insertInto('booking')
			.values(row(f, T0, T0 + HOUR, 'confirmed'))
			.execute();
		await s.db
			.insertInto('booking')
			.values(row(g, T0, T0 + HOUR, 'confirmed'))
			.execute();
		// Re-activating the cancelled one would overlap: refused on update as well.
		await expect(
			s.db.updateTable('booking').set({ status: 'held' }).where('status', '=', 'cancelled').execute()
		).rejects.toThrow();
	});
});
