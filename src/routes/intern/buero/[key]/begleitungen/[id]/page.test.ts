import { describe, expect, it } from 'vitest';
import { consultantRouteStart } from '../../../../../../../tests/support/consultant-route-start';
import { confirmedBooking } from '../../../../../../../tests/support/case-fixtures';
import { answer, casePageEvent } from '../../../../../../../tests/support/case-route-fixtures';
import { actions, load } from './+page.server';
import { closeServicesAfterEach } from '../../../../../../../tests/support/services-per-test';

/** The case page's forms through the route (issue 17: the answers of the old route, form by form). */
closeServicesAfterEach({ ignoreCloseErrors: true });

describe('/intern/buero/[key]/begleitungen/[id]', () => {
	it('answers each form beside itself, closes with the feedback mail, and sends a consultant who handed over to the dashboard', async () => {
		const { s, f, me } = await consultantRouteStart();
		const b = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		const base = `/intern/buero/nw/begleitungen/${b.caseId}`;
		const post = (form: Record<string, string>) => casePageEvent(me, b.caseId, '', { form });

		const page = (await load(casePageEvent(me, b.caseId, '', { query: '?ok=facts' }))) as Record<
			string,
			unknown
		>;
		expect(page).toMatchObject({
			notice: 'facts',
			isLead: false,
			upcoming: { id: b.bookingId },
			checkIns: []
		});
		expect(page.messages).toEqual({ unread: 0, overdue: 0 });

		expect(await answer(actions.facts!(post({ topics: 'unbekannt', landIso: 'DE-NW' })))).toMatchObject({
			status: 400,
			data: { which: 'facts', values: { topics: 'unbekannt' }, errors: { topics: expect.any(String) } }
		});
		expect(await answer(actions.facts!(post({ topics: 'finanzierung', landIso: 'DE-BY' })))).toMatchObject({
			status: 303,
			location: `${base}?ok=facts`
		});
		expect(
			await answer(actions.step!(post({ text: 'Kostenplan', owner: 'creative', dueOn: '' })))
		).toMatchObject({
			status: 303,
			location: `${base}?ok=step`
		});
		expect(await answer(actions.close!(post({ reason: 'other', outcome: '' })))).toMatchObject({
			status: 303,
			location: `${base}?ok=closed`
		});
		const mails = await s.db
			.selectFrom('outbox')
			.select('id')
			.where('template', '=', 'checkins.feedback')
			.execute();
		expect(mails).toHaveLength(1);
		expect(await answer(actions.close!(post({ reason: 'other', outcome: '' })))).toMatchObject({
			status: 409,
			data: { which: 'close', values: { reason: 'other' }, errors: { _form: expect.any(String) } }
		});
		expect(await answer(actions.reopen!(post({})))).toMatchObject({
			status: 303,
			location: `${base}?ok=reopened`
		});
		expect(await answer(actions.handover!(post({ toConsultantId: '999999', note: '' })))).toMatchObject({
			status: 409,
			data: { which: 'handover', errors: { toConsultantId: expect.any(String) } }
		});
		const handedOver = await answer(
			actions.handover!(post({ toConsultantId: String(f.secondConsultantId), note: '' }))
		);
		expect(handedOver).toMatchObject({ status: 303, location: '/intern/buero/nw/begleitungen?ok=handover' });
		expect((await answer(actions.goals!(post({ goals: 'x' })))).status).toBe(404);
	});
});
