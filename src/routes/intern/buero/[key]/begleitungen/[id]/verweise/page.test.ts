import { describe, expect, it } from 'vitest';
import { routeEvent, type StaffWho, staffActor } from '../../../../../../../../tests/support/route-events';
import { testServices } from '../../../../../../../../tests/support/test-database';
import {
	caseFixture,
	caseOfficeCast,
	serviceIdOf,
	staffIn
} from '../../../../../../../../tests/support/referral-fixtures';
import { setServices } from '$lib/server/runtime';
import { actions, load } from './+page.server';
import { servicesClosedAfterEach } from '../../../../../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

function event(
	who: Omit<StaffWho, 'office'>,
	officeKey: string,
	memberOf: { id: number; key: string },
	caseId: number,
	form?: FormData
) {
	return routeEvent({
		path: `/intern/buero/${officeKey}/begleitungen/${caseId}/verweise`,
		params: { key: officeKey, id: String(caseId) },
		routeId: '/intern/buero/[key]/begleitungen/[id]/verweise',
		actor: staffActor({ ...who, office: memberOf }),
		form
	});
}

async function status(p: Promise<unknown>): Promise<number> {
	try {
		await p;
		return 200;
	} catch (e) {
		return (e as { status: number }).status;
	}
}

describe('/intern/buero/[key]/begleitungen/[id]/verweise', () => {
	it('the responsible consultant adds and updates; other consultants and other offices get 404', async () => {
		s = await testServices();
		setServices(s);
		const { nw, by, consultant, colleague } = await caseOfficeCast(s);
		const lead = await staffIn(s, 'nw', 'office_lead');
		const foreign = await staffIn(s, 'by', 'office_lead');
		const c = await caseFixture(s, { consultantId: consultant.id, topics: ['soziale_sicherung'] });

		const page = (await load(event(consultant, 'nw', nw, c.caseId))) as {
			suggestions: { serviceId: number; referred: boolean }[];
			referrals: unknown[];
		};
		const ksk = await serviceIdOf(s, 'ksk');
		expect(page.suggestions[0]!.serviceId).toBe(ksk);
		expect(page.referrals).toEqual([]);
		expect((await load(event(lead, 'nw', nw, c.caseId))) as object).toHaveProperty('referrals');

		expect(await status(Promise.resolve(load(event(colleague, 'nw', nw, c.caseId))))).toBe(404);
		expect(await status(Promise.resolve(load(event(foreign, 'nw', by, c.caseId))))).toBe(404);
		expect(await status(Promise.resolve(load(event(foreign, 'by', by, c.caseId))))).toBe(404);

		const add = new FormData();
		add.append('service', String(ksk));
		expect(await status(Promise.resolve(actions.add!(event(consultant, 'nw', nw, c.caseId, add))))).toBe(303);
		const [ref] = await s.db.selectFrom('referral').select('id').where('case_id', '=', c.caseId).execute();
		const change = new FormData();
		change.set('referral', String(ref!.id));
		change.set('status', 'contacted');
		expect(await status(Promise.resolve(actions.status!(event(colleague, 'nw', nw, c.caseId, change))))).toBe(
			404
		);
		expect(
			await status(Promise.resolve(actions.status!(event(consultant, 'nw', nw, c.caseId, change))))
		).toBe(303);
		const row = await s.db
			.selectFrom('referral')
			.select('status')
			.where('id', '=', ref!.id)
			.executeTakeFirstOrThrow();
		expect(row.status).toBe('contacted');
		const denied = await s.db
			.selectFrom('audit_event')
			.select('action')
			.where('action', '=', 'access.denied')
			.execute();
		expect(denied.length).toBeGreaterThanOrEqual(1); // the foreign office lead at the gate
	});
});
