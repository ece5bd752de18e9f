import { afterEach, describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../../../../../tests/support/test-database';
import { bookingFixture } from '../../../../../../../../tests/support/booking-fixtures';
import { confirmedBooking } from '../../../../../../../../tests/support/case-fixtures';
import { setServices } from '$lib/server/runtime';
import { DAY } from '$lib/time/durations';
import { actions, load } from './+page.server';

/** Issue 16 through the record page: a booked talk is recorded from its start on, only on its case. */
let s: TestServices | null = null;
afterEach(async () => {
	await s?.close().catch(() => {});
	s = null;
});

function event(who: { id: number; officeId: number }, caseId: number, query: string, form?: FormData) {
	const url = new URL(`http://localhost/intern/buero/nw/begleitungen/${caseId}/gespraech${query}`);
	return {
		params: { key: 'nw', id: String(caseId) },
		url,
		route: { id: '/intern/buero/[key]/begleitungen/[id]/gespraech' },
		locals: {
			locale: 'de',
			requestId: 'test',
			actor: {
				kind: 'staff',
				id: who.id,
				name: 'Test',
				email: 'berta@kreativlotse.example',
				isNetworkAdmin: false,
				memberships: [{ officeId: who.officeId, officeKey: 'nw', officeName: 'nw', role: 'consultant' }],
				sessionHash: 'x'
			}
		},
		request: new Request(url, { method: 'POST', body: form ?? new FormData() })
	} as never;
}

async function outcome(p: unknown): Promise<{ status?: number; location?: string; data?: any }> {
	try {
		return (await p) as { status: number };
	} catch (e) {
		return e as { status?: number; location?: string };
	}
}

describe('/intern/buero/[key]/begleitungen/[id]/gespraech?termin=', () => {
	it('explains a talk not yet held, refuses to record it (409), and takes it after the start', async () => {
		s = await testServices();
		setServices(s);
		const f = await bookingFixture(s);
		const me = { id: f.consultantId, officeId: f.officeId };
		const b = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		const other = await confirmedBooking(s, f, { day: '2026-06-17', email: 'lu@example.org' });
		const q = `?termin=${b.bookingId}`;

		const early = (await load(event(me, b.caseId, q))) as {
			booking: unknown;
			refused: { reason: string; text: string };
		};
		expect(early.booking).toBeNull();
		expect(early.refused).toMatchObject({ reason: 'before_start', start: b.start });
		expect(early.refused.text).toContain('16.06.2026');
		const form = new FormData();
		form.set('outcome', 'plan_agreed');
		const refused = await outcome(actions.default!(event(me, b.caseId, q, form)));
		expect(refused).toMatchObject({
			status: 409,
			data: { which: 'record', values: { outcome: 'plan_agreed' }, errors: { _form: early.refused.text } }
		});

		// Another case's booking is not found, on the page and for the form.
		expect((await outcome(load(event(me, b.caseId, `?termin=${other.bookingId}`)))).status).toBe(404);
		const foreign = await outcome(actions.default!(event(me, b.caseId, `?termin=${other.bookingId}`, form)));
		expect(foreign.status).toBe(404);

		s.clock.advance(2 * DAY);
		const now = (await load(event(me, b.caseId, q))) as { booking: { id: number }; refused: unknown };
		expect(now).toMatchObject({ booking: { id: b.bookingId, start: b.start }, refused: null });
		const saved = await outcome(actions.default!(event(me, b.caseId, q, form)));
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
		const again = (await load(event(me, b.caseId, q))) as { refused: { reason: string } };
		expect(again.refused.reason).toBe('recorded');
	});
});
