import { describe, expect, it } from 'vitest';
import { refusedForm, routeEvent } from '../../../../tests/support/route-events';
import { testServices } from '../../../../tests/support/test-database';
import { setServices } from '$lib/server/runtime';
import { requestRuleFields } from '$lib/server/visibility/requests';
import { actions } from './+page.server';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/**
 * Issue 16: a request for a Land no office serves (or with an unknown sub-market) is told so
 * together with the form's other errors, not only after those are fixed.
 */
let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

/** Bremen without its office: the Niedersachsen/Bremen office is switched off. */
async function withoutBremenOffice() {
	s = await testServices();
	setServices(s);
	await s.db.updateTable('office').set({ active: 0 }).where('key', '=', 'ni-hb').execute();
	return s;
}

describe('requestRuleFields', () => {
	it.each<[string, { submarkets?: string[]; land?: string }, Record<string, string>]>([
		['a served Land and known sub-markets', { land: 'DE-NW', submarkets: ['design'] }, {}],
		['a Land no office serves', { land: 'DE-HB' }, { land: 'no_office' }],
		['an unknown sub-market', { submarkets: ['design', 'erfunden'] }, { submarkets: 'unknown' }],
		['nothing passed the schema', {}, {}]
	])('%s', async (_, input, expected) => {
		const svc = await withoutBremenOffice();
		expect((await requestRuleFields(svc.db, input, svc.clock.now())).fields).toEqual(expected);
	});
});

describe('/gesuche/neu', () => {
	it('the organisation missing and a Land no office serves: both in the first answer', async () => {
		await withoutBremenOffice();
		const form: [string, string][] = [
			['organisation', ''],
			['land', 'DE-HB'],
			['submarkets', 'design']
		];
		const r = refusedForm(
			await actions.default!(routeEvent({ path: '/gesuche/neu', actor: undefined, form }))
		);
		expect(r.errors.organisation).toBeTruthy();
		expect(r.errors.land).toMatch(/Regionalbüro|Büro/);
		expect(r.errors.submarkets).toBeUndefined();
	});
});
