import { describe, expect, it } from 'vitest';
import { consultantRouteStart } from '../../../../../../../../tests/support/consultant-route-start';
import { confirmedBooking } from '../../../../../../../../tests/support/case-fixtures';
import { answer, casePageEvent } from '../../../../../../../../tests/support/case-route-fixtures';
import { actions, load } from './+page.server';
import { closeServicesAfterEach } from '../../../../../../../../tests/support/services-per-test';

/** The staff follow-up form's answers (issue 17: the same after the route became glue). */
closeServicesAfterEach({ ignoreCloseErrors: true });

describe('/intern/buero/[key]/begleitungen/[id]/folgetermin', () => {
	it('names the slot form in its failures, explains a missing talk, books after one', async () => {
		const { s, f, me } = await consultantRouteStart();
		const b = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		const post = (form: Record<string, string>) => casePageEvent(me, b.caseId, '/folgetermin', { form });

		expect(await answer(actions.default!(post({ slot: 'morgen', idempotencyKey: '' })))).toMatchObject({
			status: 400,
			data: { which: 'slot', errors: { slot: 'Bitte wählen Sie einen Termin.' } }
		});
		const page = (await load(casePageEvent(me, b.caseId, '/folgetermin'))) as { noTalk: boolean };
		expect(page.noTalk).toBe(true);
		const slot = `${b.start + 7 * 86_400_000}:phone`;
		expect(await answer(actions.default!(post({ slot, idempotencyKey: 'k1' })))).toMatchObject({
			status: 409,
			data: { which: 'slot', values: { slot }, errors: { _form: expect.any(String) } }
		});

		await s.db.updateTable('booking').set({ status: 'attended' }).where('id', '=', b.bookingId).execute();
		const weeks = (await load(casePageEvent(me, b.caseId, '/folgetermin'))) as {
			days: { slots: { start: number; format: string }[] }[];
		};
		const free = weeks.days[0]!.slots[0]!;
		const booked = await answer(
			actions.default!(post({ slot: `${free.start}:${free.format}`, idempotencyKey: 'k2' }))
		);
		expect(booked).toMatchObject({
			status: 303,
			location: `/intern/buero/nw/begleitungen/${b.caseId}?ok=followUp`
		});
		const taken = await answer(
			actions.default!(post({ slot: `${free.start}:${free.format}`, idempotencyKey: 'k3' }))
		);
		expect(taken).toMatchObject({
			status: 409,
			data: { which: 'slot', errors: { slot: expect.any(String) } }
		});
	});
});
