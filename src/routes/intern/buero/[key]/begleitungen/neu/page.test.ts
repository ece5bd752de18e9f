import { describe, expect, it } from 'vitest';
import { consultantRouteStart } from '../../../../../../../tests/support/consultant-route-start';
import { confirmedBooking } from '../../../../../../../tests/support/case-fixtures';
import { answer, officeEvent } from '../../../../../../../tests/support/case-route-fixtures';
import { actions, load } from './+page.server';
import { closeServicesAfterEach } from '../../../../../../../tests/support/services-per-test';

/** Opening a case without a booking through the route (issue 17: the same answers as before). */
closeServicesAfterEach({ ignoreCloseErrors: true });

describe('/intern/buero/[key]/begleitungen/neu', () => {
	it('offers the form, names it in field errors, links an existing case, and opens a new one', async () => {
		const { s, f, me } = await consultantRouteStart();
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
