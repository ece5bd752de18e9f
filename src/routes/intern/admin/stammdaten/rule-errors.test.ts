import { describe, expect, it } from 'vitest';
import { networkAdmin, refusedForm, routeEvent } from '../../../../../tests/support/route-events';
import { testServices } from '../../../../../tests/support/test-database';
import { getOfficeByKey } from '$lib/server/reference/queries';
import { setServices } from '$lib/server/runtime';
import { actions as editOffice } from './bueros/[id]/+page.server';
import { actions as newOffice } from './bueros/neu/+page.server';
import { actions as newEntry } from './[liste]/+page.server';
import { servicesClosedAfterEach } from '../../../../../tests/support/services-per-test';

/**
 * Issue 16: a form with a schema error also shows the database rules' errors (a used key, a
 * covered Land) in the same answer, so the user does not meet them in a second round.
 */
let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

function event(path: string, params: Record<string, string>, form: [string, string][]) {
	return routeEvent({ path, params, form, actor: networkAdmin() });
}

describe('reference forms: every error in one round', () => {
	it('a new office: the missing name and the used key and the covered Land', async () => {
		s = await testServices();
		setServices(s);
		const r = refusedForm(
			await newOffice.default!(
				event('/intern/admin/stammdaten/bueros/neu', {}, [
					['key', 'nw'],
					['name', ''],
					['seat', 'Hannover'],
					['phone', ''],
					['active', 'on'],
					['laender', 'DE-NI']
				])
			)
		);
		expect(Object.keys(r.errors).sort()).toEqual(['key', 'laender', 'name']);
		expect(r.errors.key).toMatch(/vergeben|verwendet|bereits/i);
		expect(r.errors.laender).toContain('Niedersachsen');
	});

	it('a malformed key keeps the schema\'s own message (not "taken")', async () => {
		s = await testServices();
		setServices(s);
		const r = refusedForm(
			await newOffice.default!(
				event('/intern/admin/stammdaten/bueros/neu', {}, [
					['key', 'NW!'],
					['name', ''],
					['seat', 'x']
				])
			)
		);
		expect(Object.keys(r.errors).sort()).toEqual(['key', 'name']);
	});

	it('an office edited: a bad phone number and a Land another office covers', async () => {
		s = await testServices();
		setServices(s);
		const hh = await getOfficeByKey(s.db, 'hh-mv-sh');
		const r = refusedForm(
			await editOffice.default!(
				event(`/intern/admin/stammdaten/bueros/${hh!.id}`, { id: String(hh!.id) }, [
					['name', hh!.name],
					['seat', hh!.seat],
					['phone', 'abc'],
					['active', 'on'],
					...[...hh!.laender, 'DE-NI'].map((l): [string, string] => ['laender', l])
				])
			)
		);
		expect(Object.keys(r.errors).sort()).toEqual(['laender', 'phone']);
	});

	it('a new topic: the missing name and the used key', async () => {
		s = await testServices();
		setServices(s);
		const topic = await s.db.selectFrom('topic').select('key').executeTakeFirstOrThrow();
		const r = refusedForm(
			await newEntry.default!(
				event('/intern/admin/stammdaten/themen', { liste: 'themen' }, [
					['key', topic.key],
					['nameDe', ''],
					['nameEn', 'x'],
					['sort', '1']
				])
			)
		);
		expect(Object.keys(r.errors).sort()).toEqual(['key', 'nameDe']);
	});
});
