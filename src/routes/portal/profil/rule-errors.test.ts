import { describe, expect, it } from 'vitest';
import { refusedForm, routeEvent } from '../../../../tests/support/route-events';
import { testServices } from '../../../../tests/support/test-database';
import { setServices } from '$lib/server/runtime';
import { profileReferenceFields } from '$lib/server/visibility/profiles';
import { actions } from './+page.server';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/** Issue 16: a profile with an inactive sub-market is told so together with its other errors. */
let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

describe('profileReferenceFields', () => {
	it.each<[string, { submarkets?: string[]; landIso?: string }, Record<string, string>]>([
		['active sub-markets and a known Land', { submarkets: ['design'], landIso: 'DE-NW' }, {}],
		['an unknown sub-market', { submarkets: ['design', 'erfunden'] }, { submarkets: 'unknown' }],
		['an unknown Land', { landIso: 'DE-ZZ' }, { land: 'unknown' }],
		['nothing passed the schema', {}, {}]
	])('%s', async (_, input, expected) => {
		s = await testServices();
		expect(await profileReferenceFields(s.db, input)).toEqual(expected);
	});
});

describe('/portal/profil ?/save', () => {
	it('the name missing and an unknown sub-market: both in the first answer', async () => {
		s = await testServices();
		setServices(s);
		const form: [string, string][] = [
			['kind', 'person'],
			['display_name', ''],
			['submarkets', 'design'],
			['submarkets', 'erfunden'],
			['land', 'DE-NW'],
			['town', 'Bochum']
		];
		const r = refusedForm(
			await actions.save!(
				routeEvent({ path: '/portal/profil?/save', actor: { kind: 'creative', id: 1 }, form })
			)
		);
		expect(r.errors.display_name).toBeTruthy();
		expect(r.errors.submarkets).toBeTruthy();
		expect(r.errors.land).toBeUndefined();
	});
});
