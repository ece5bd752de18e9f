import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../../../../tests/support/test-database';
import { bookingFixture } from '../../../../../../../tests/support/booking-fixtures';
import { confirmedBooking } from '../../../../../../../tests/support/case-fixtures';
import { answer, officeEvent } from '../../../../../../../tests/support/case-route-fixtures';
import { setServices } from '$lib/server/runtime';
import { actions, load } from './+page.server';
import { servicesClosedAfterEach } from '../../../../../../../tests/support/services-per-test';

/** Opening a case without a booking through the route (issue 17: the same answers as before). */
let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

describe('/intern/buero/[key]/begleitungen/neu', () => {
	it('offers the form, names it in field errors, links an existing case, and opens a new one', async () => {
		s = await testServices();
		setServices(s);
		const f = await bookingFixture(s);
		const me = { id: f.consultantId, officeId: f.officeId };
		const open = (form: Record<string, string>) =>
			actions.default!(officeEvent(me, '/begleitungen/neu', '/begleitungen/neu', {}, { form }));

		const page = (await load(officeEvent(me, '/begleitungen/neu', '/begleitungen/neu', {}))) as {
			consultants: unknown[];
			topics: { active: boolean }[];
			viewerId: number;
		};
		expect(page.consultants).toEqual([]);
		expect(page.viewerId).toBe(me.id);
		expect(page.topics.every((t) => t.active)).toBe(true);

		expect(await answer(open({ name: 'Lu', email: 'kein-mail', topics: 'unbekannt' }))).toMatchObject({
			status: 400,
			data: {
				which: 'open',
				values: { name: 'Lu' },
				errors: { email: expect.any(String), topics: expect.any(String) }
			}
		});
		const b = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		expect(await answer(open({ name: 'Kim', email: 'kim@example.org' }))).toMatchObject({
			status: 409,
			data: {
				values: { email: 'kim@example.org' },
				errors: { email: expect.any(String) },
				existing: `/intern/buero/nw/begleitungen/${b.caseId}`
			}
		});
		const opened = await answer(open({ name: 'Lu Lenz', email: 'lu@example.org', landIso: 'DE-NW' }));
		const row = await s.db
			.selectFrom('case_file')
			.select('id')
			.where('name', '=', 'Lu Lenz')
			.executeTakeFirstOrThrow();
		expect(opened).toMatchObject({
			status: 303,
			location: `/intern/buero/nw/begleitungen/${row.id}?ok=opened`
		});
	});
});
