import { describe, expect, it } from 'vitest';
import { consultantRouteStart } from '../../../../../../../../tests/support/consultant-route-start';
import { confirmedBooking } from '../../../../../../../../tests/support/case-fixtures';
import { answer, casePageEvent } from '../../../../../../../../tests/support/case-route-fixtures';
import { DAY } from '$lib/time/durations';
import { actions, load } from './+page.server';
import { closeServicesAfterEach } from '../../../../../../../../tests/support/services-per-test';

/** Issue 16 through the record page: a booked talk is recorded from its start on, only on its case. */
closeServicesAfterEach({ ignoreCloseErrors: true });

describe('/intern/buero/[key]/begleitungen/[id]/gespraech?termin=', () => {
	it('explains a talk not yet held, refuses to record it (409), and takes it after the start', async () => {
		const { s, f, me } = await consultantRouteStart();
		const b = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		const other = await confirmedBooking(s, f, { day: '2026-06-17', email: 'lu@example.org' });
		const q = `?termin=${b.bookingId}`;
		const page = (query: string) => casePageEvent(me, b.caseId, '/gespraech', { query });
		const post = (query: string) =>
			casePageEvent(me, b.caseId, '/gespraech', { query, form: { outcome: 'plan_agreed' } });

		const early = (await load(page(q))) as {
			booking: unknown;
			refused: { reason: string; text: string };
		};
		expect(early.booking).toBeNull();
		expect(early.refused).toMatchObject({ reason: 'before_start', start: b.start });
		expect(early.refused.text).toContain('16.06.2026');
		const refused = await answer(actions.default!(post(q)));
		expect(refused).toMatchObject({
			status: 409,
			data: { which: 'record', values: { outcome: 'plan_agreed' }, errors: { _form: early.refused.text } }
		});

		// Another case's booking is not found, on the page and for the form.
		const foreign = `?termin=${other.bookingId}`;
		expect((await answer(load(page(foreign)))).status).toBe(404);
		expect((await answer(actions.default!(post(foreign)))).status).toBe(404);

		s.clock.advance(2 * DAY);
		const now = (await load(page(q))) as { booking: { id: number }; refused: unknown };
		expect(now).toMatchObject({ booking: { id: b.bookingId, start: b.start }, refused: null });
		const saved = await answer(actions.default!(post(q)));
		expect(saved).toMatchObject({
			status: 303,
			location: `/intern/buero/nw/begleitungen/${b.caseId}?ok=recorded`
		});
		const booking = await s.db
			.selectFrom('booking')
			.select('status')
			.where('id', '=', b.bookingId)
			.executeTakeFirstOrThrow();
		expect(booking.status).toBe('attended');
		const again = (await load(page(q))) as { refused: { reason: string } };
		expect(again.refused.reason).toBe('recorded');
	});
});
