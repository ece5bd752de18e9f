import { describe, expect, it } from 'vitest';
import { eventInput } from '../../../../tests/support/event-fixtures';
import { addOfficeLead } from '../../../../tests/support/identity-fixtures';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { staffEvent, staffEventPage } from './queries';
import { registerForEvent } from './register';
import { cancelEvent, createEvent, type EventStaff, publishEvent } from './staff';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/**
 * Issue 17: the office's page of one event reads one view over the detail its gate loaded —
 * which moves the state allows, who waits unconfirmed, and the average of the feedback given.
 */
let s = servicesClosedAfterEach();

const START = Date.parse('2026-06-25T16:00:00Z');

async function page(t: TestServices, staff: EventStaff, eventId: number) {
	const detail = await staffEvent(t.db, staff, eventId, t.clock.now());
	return staffEventPage(detail!, t.clock.now());
}

describe('staffEventPage', () => {
	it('offers the moves of each state, marks unconfirmed waiters and averages the feedback', async () => {
		s = await testServices({ now: '2026-06-15T08:00:00Z' });
		const { officeId, staff: user, scope } = await addOfficeLead(s, 'nw');
		const staff: EventStaff = { id: user.id, email: user.email, scope, isNetworkAdmin: false };
		const created = await createEvent(s, staff, officeId, eventInput(START));
		if (!created.ok) throw new Error(created.reason);
		const { eventId } = created;

		const draft = await page(s, staff, eventId);
		expect(draft.event).toMatchObject({ id: eventId, status: 'draft', network: false, capacity: 2 });
		expect(draft.values.title).toBe('Preise kalkulieren');
		// Only a published event can be cancelled; a draft has told no one anything.
		expect(draft.can).toEqual({ edit: true, publish: true, cancel: false, checkIn: false });
		expect(draft.feedback).toBeNull();

		expect((await publishEvent(s, staff, eventId)).ok).toBe(true);
		const ids: number[] = [];
		for (const n of [1, 2, 3]) {
			const r = await registerForEvent(s, {
				eventId,
				name: `Person ${n}`,
				email: `person${n}@example.org`,
				submarket: null,
				answers: [],
				consents: { processing: true },
				locale: 'de'
			});
			if (!r.ok) throw new Error(r.reason);
			ids.push(r.registrationId);
		}
		for (const [i, rating] of [4, 5].entries())
			await s.db
				.updateTable('event_registration')
				.set({ feedback_rating: rating })
				.where('id', '=', ids[i]!)
				.execute();

		const published = await page(s, staff, eventId);
		expect(published.can).toEqual({ edit: true, publish: false, cancel: true, checkIn: false });
		expect(published.registrations.map((r) => [r.name, r.status, r.unconfirmedWait])).toEqual([
			['Person 1', 'pending', false],
			['Person 2', 'pending', false],
			['Person 3', 'waitlisted', true]
		]);
		expect(published.feedback).toEqual({ count: 2, average: 4.5 });

		expect((await cancelEvent(s, staff, eventId, 'Die Referentin ist erkrankt.')).ok).toBe(true);
		const cancelled = await page(s, staff, eventId);
		expect(cancelled.event).toMatchObject({
			status: 'cancelled',
			cancelReason: 'Die Referentin ist erkrankt.'
		});
		expect(cancelled.can).toEqual({ edit: false, publish: false, cancel: false, checkIn: false });
	});
});
