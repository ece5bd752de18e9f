import { describe, expect, it } from 'vitest';
import { bookingFixture } from '../../../../tests/support/booking-fixtures';
import { confirmedBooking, consultant, officeScope } from '../../../../tests/support/case-fixtures';
import { testServices } from '../../../../tests/support/test-database';
import { addNextStep } from '../cases/steps';
import { portalHome } from './queries';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/** Issue 17: the portal's home page as one read, on a migrated database. */
let s = servicesClosedAfterEach();

describe('portalHome', () => {
	it('my bookings and my cases only, a shared step overdue from the day after it was due (Berlin)', async () => {
		s = await testServices({ now: '2026-06-15T08:00:00Z' });
		const f = await bookingFixture(s);
		const kim = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		await confirmedBooking(s, f, { day: '2026-06-16', email: 'alex@example.org', name: 'Alex' });
		for (const [text, dueOn] of [
			['gestern fällig', '2026-06-14'],
			['heute fällig', '2026-06-15'],
			['ohne Datum', null]
		] as const)
			await addNextStep(s, consultant(f), officeScope(f.officeId), {
				caseId: kim.caseId,
				step: { text, owner: 'creative', dueOn },
				shared: true
			});
		const me = await s.db
			.selectFrom('creative')
			.select(['id', 'email'])
			.where('email', '=', 'kim@example.org')
			.executeTakeFirstOrThrow();
		const home = await portalHome(s.db, { id: Number(me.id), email: me.email }, 'de', s.clock.now());
		expect(home.bookings.map((b) => [b.id, b.open])).toEqual([[kim.bookingId, true]]);
		expect(home.events).toEqual([]);
		expect(home.cases.map((c) => c.id)).toEqual([kim.caseId]);
		expect(home.cases[0]!.plan.map((p) => [p.text, p.overdue])).toEqual([
			['gestern fällig', true],
			['heute fällig', false],
			['ohne Datum', false]
		]);
	});
});
