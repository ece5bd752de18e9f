import { describe, expect, it } from 'vitest';
import { addConsultant, officeId } from '../../../../../tests/support/checkin-fixtures';
import { refusedForm, routeEvent, staffActor, thrown } from '../../../../../tests/support/route-events';
import { servicesClosedAfterEach } from '../../../../../tests/support/services-per-test';
import { testServices } from '../../../../../tests/support/test-database';
import { setServices } from '$lib/server/runtime';
import * as caseSettings from './begleitungen/einstellungen/+page.server';
import * as messageSettings from './begleitungen/einstellungen/nachrichten/+page.server';

/**
 * The office settings pages share one frame (office-settings-page.server.ts): everyone of the
 * office reads, a consultant may not save, a lead's save returns to the page, a bad value
 * keeps what was typed. Each page as a row of data.
 */
let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

type Route = typeof caseSettings | typeof messageSettings;
const pages: {
	path: string;
	route: Route;
	good: Record<string, string>;
	bad: Record<string, string>;
	badField: string;
	stored: Record<string, unknown>;
}[] = [
	{
		path: 'begleitungen/einstellungen',
		route: caseSettings,
		good: {
			firstCheckinWeeks: '3',
			checkinIntervalWeeks: '5',
			stalledDays: '40',
			referralFollowupDays: '10'
		},
		bad: { firstCheckinWeeks: '0', checkinIntervalWeeks: '5', stalledDays: '40', referralFollowupDays: '10' },
		badField: 'firstCheckinWeeks',
		stored: { firstCheckinWeeks: 3, checkinIntervalWeeks: 5, stalledDays: 40, feedbackMail: false }
	},
	{
		path: 'begleitungen/einstellungen/nachrichten',
		route: messageSettings,
		good: { answerDays: '4', reminderDaysBefore: '2', holidays: '2026-12-24' },
		bad: { answerDays: '99', reminderDaysBefore: '2', holidays: '' },
		badField: 'answerDays',
		stored: { answerDays: 4, reminderDaysBefore: 2, holidays: ['2026-12-24'] }
	}
];

async function staffOf(role: 'office_lead' | 'consultant') {
	const u = await addConsultant(s!, 'nw', { role });
	const office = { id: await officeId(s!, 'nw'), key: 'nw', name: 'NW' };
	return staffActor({ id: u.id, email: u.email, role, office });
}

const request = (path: string, actor: unknown, form?: Record<string, string>) =>
	routeEvent({
		path: `/intern/buero/nw/${path}`,
		params: { key: 'nw' },
		actor,
		form,
		method: form ? 'POST' : 'GET'
	});

describe.each(pages)('/intern/buero/[key]/$path', ({ path, route, good, bad, badField, stored }) => {
	it('a consultant reads the settings but may not save them', async () => {
		s = await testServices();
		setServices(s);
		const consultant = await staffOf('consultant');
		const page = (await route.load(request(path, consultant))) as { mayEdit: boolean; saved: boolean };
		expect(page).toMatchObject({ mayEdit: false, saved: false });
		expect((await thrown(route.actions.default!(request(path, consultant, good)))).status).toBe(403);
	});

	it("a lead's save returns to the page saying so, and the page shows what was saved", async () => {
		s = await testServices();
		setServices(s);
		const lead = await staffOf('office_lead');
		expect(await thrown(route.actions.default!(request(path, lead, good)))).toMatchObject({
			status: 303,
			location: `/intern/buero/nw/${path}?gespeichert=1`
		});
		const page = (await route.load(request(`${path}?gespeichert=1`, lead))) as {
			mayEdit: boolean;
			saved: boolean;
			settings: Record<string, unknown>;
		};
		expect(page).toMatchObject({ mayEdit: true, saved: true, settings: stored });
	});

	it('a value out of range is a field error, with what was typed kept', async () => {
		s = await testServices();
		setServices(s);
		const lead = await staffOf('office_lead');
		const r = refusedForm(await route.actions.default!(request(path, lead, bad)));
		expect(Object.keys(r.errors)).toEqual([badField]);
		expect(r.values[badField]).toBe(bad[badField]);
	});
});
