import { describe, expect, it } from 'vitest';
import { creativeActor, type PortalCreative } from '../../../tests/support/portal-fixtures';
import { routeEvent, thrown } from '../../../tests/support/route-events';
import { testServices } from '../../../tests/support/test-database';
import { bookingFixture } from '../../../tests/support/booking-fixtures';
import { confirmedBooking, consultant, officeScope } from '../../../tests/support/case-fixtures';
import { addNextStep } from '$lib/server/cases/steps';
import { setServices } from '$lib/server/runtime';
import { actions, load } from './+page.server';
import { servicesClosedAfterEach } from '../../../tests/support/services-per-test';

let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

function event(me: PortalCreative, query = '', form?: Record<string, string>) {
	return routeEvent({
		path: `/portal${query}`,
		actor: me,
		form,
		extra: { setHeaders: () => {}, getClientAddress: () => '203.0.113.9' }
	});
}

type Home = {
	cases: { id: number; plan: { id: number; text: string; overdue: boolean; doneAt: number | null }[] }[];
	followUpBooked: boolean;
	stepSaved: boolean;
};

describe('/portal: my plan', () => {
	it('marks overdue steps and ticks my shared steps off and on again; others’ steps are refused', async () => {
		s = await testServices();
		setServices(s);
		const f = await bookingFixture(s);
		const k = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		const a = await confirmedBooking(s, f, { day: '2026-06-16', email: 'alex@example.org' });
		const scope = officeScope(f.officeId);
		for (const [caseId, text, dueOn] of [
			[k.caseId, 'Kostenplan schreiben', '2026-06-14'],
			[k.caseId, 'Portfolio aktualisieren', '2026-06-20'],
			[a.caseId, 'Alex-Schritt', null]
		] as const)
			await addNextStep(s, consultant(f), scope, {
				caseId,
				step: { text, owner: 'creative', dueOn },
				shared: true
			});
		const kim = await creativeActor(s, 'kim@example.org');
		const alex = await creativeActor(s, 'alex@example.org');

		const home = (await load(event(kim, '?folgetermin=gebucht'))) as unknown as Home;
		expect(home.followUpBooked).toBe(true);
		expect(home.cases.map((c) => c.id)).toEqual([k.caseId]);
		// The clock stands at 2026-06-15: the step due on the 14th is overdue, the one on the 20th is not.
		expect(home.cases[0]!.plan.map((p) => [p.text, p.overdue])).toEqual([
			['Kostenplan schreiben', true],
			['Portfolio aktualisieren', false]
		]);
		const stepId = home.cases[0]!.plan[0]!.id;

		const done = await thrown(
			Promise.resolve(actions.step!(event(kim, '?/step', { stepId: String(stepId), done: '1' })))
		);
		expect(done).toMatchObject({ status: 303, location: `/portal?schritt=gespeichert#schritt-${stepId}` });
		const after = (await load(event(kim, '?schritt=gespeichert'))) as unknown as Home;
		expect(after.stepSaved).toBe(true);
		expect(after.cases[0]!.plan.find((p) => p.id === stepId)).toMatchObject({ overdue: false });
		expect(after.cases[0]!.plan.find((p) => p.id === stepId)!.doneAt).not.toBeNull();

		await thrown(Promise.resolve(actions.step!(event(kim, '?/step', { stepId: String(stepId), done: '0' }))));
		const reopened = (await load(event(kim))) as unknown as Home;
		expect(reopened.cases[0]!.plan.find((p) => p.id === stepId)).toMatchObject({
			doneAt: null,
			overdue: true
		});

		// Alex cannot tick Kim's step; nonsense input is refused without a change.
		const refused = (await actions.step!(event(alex, '?/step', { stepId: String(stepId), done: '1' }))) as {
			status: number;
		};
		expect(refused.status).toBe(404);
		const bad = (await actions.step!(event(kim, '?/step', { stepId: String(stepId), done: 'ja' }))) as {
			status: number;
		};
		expect(bad.status).toBe(400);
		const row = await s.db
			.selectFrom('next_step')
			.select('done_at')
			.where('id', '=', stepId)
			.executeTakeFirstOrThrow();
		expect(row.done_at).toBeNull();
	});
});
