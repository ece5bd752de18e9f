import { describe, expect, it } from 'vitest';
import { networkAdmin, refusedForm, routeEvent } from '../../../../tests/support/route-events';
import { testServices } from '../../../../tests/support/test-database';
import { getContactPointByKey } from '$lib/server/directory/queries';
import { seedDirectory } from '$lib/server/directory/seed';
import { setServices } from '$lib/server/runtime';
import { actions as edit } from './[id]/+page.server';
import { actions as create } from './neu/+page.server';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/** Issue 16: the contact-point forms report a used key or an unknown term with the schema's errors. */
let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

function event(path: string, params: Record<string, string>, form: [string, string][]) {
	return routeEvent({ path, params, form, actor: networkAdmin() });
}

async function seeded() {
	s = await testServices();
	await seedDirectory(s.db, s.clock.now());
	setServices(s);
}

describe('contact-point forms: every error in one round', () => {
	it('a new entry: the missing name and the used key', async () => {
		await seeded();
		const r = refusedForm(
			await create.default!(
				event('/intern/anlaufstellen/neu', {}, [
					['key', 'ksk'],
					['name', ''],
					['description', 'Hilft'],
					['kind', 'beratung'],
					['scope', 'bund']
				])
			)
		);
		expect(Object.keys(r.errors).sort()).toEqual(['key', 'name']);
	});

	it('an entry edited: the missing name and an unknown topic', async () => {
		await seeded();
		const hwk = await getContactPointByKey(s!.db, 'hwk');
		const r = refusedForm(
			await edit.save!(
				event(`/intern/anlaufstellen/${hwk!.id}`, { id: String(hwk!.id) }, [
					['name', ''],
					['description', 'Hilft'],
					['kind', 'beratung'],
					['scope', 'bund'],
					['topics', 'erfunden']
				])
			)
		);
		expect(Object.keys(r.errors).sort()).toEqual(['name', 'topics']);
	});
});
