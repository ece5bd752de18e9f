import { describe, expect, it } from 'vitest';
import { networkAdmin, refusedForm, routeEvent } from '../../../../../../tests/support/route-events';
import { testServices } from '../../../../../../tests/support/test-database';
import { setServices } from '$lib/server/runtime';
import { actions as create } from './neu/+page.server';
import { servicesClosedAfterEach } from '../../../../../../tests/support/services-per-test';

/**
 * Issue 16: the event form reports a sub-market, topic or Land the reference data does not know
 * together with the schema's errors (here the title left empty), not in a second round.
 */
let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

function post(form: [string, string][]) {
	return routeEvent({
		path: '/intern/buero/nw/veranstaltungen/neu',
		params: { key: 'nw' },
		routeId: '/intern/buero/[key]/veranstaltungen/neu',
		actor: networkAdmin(),
		form
	});
}

const base: [string, string][] = [
	['type', 'info'],
	['title', ''],
	['description', 'Ein Abend über Förderprogramme.'],
	['start_date', '2027-03-10'],
	['start_time', '18:00'],
	['end_time', '20:00'],
	['capacity', '20'],
	['contact_name', 'Lea Leitung'],
	['contact_email', 'lea@example.org'],
	['offer_hours', '48'],
	['end_date', ''],
	['venue_name', 'Kulturhaus'],
	['venue_address', 'Hauptstraße 1, 44787 Bochum'],
	['online_url', 'https://video.example.org/abend'],
	['materials_url', ''],
	['accessibility', ''],
	['questions', ''],
	['registration_opens', ''],
	['registration_closes', '']
];

describe('event form: every error in one round', () => {
	// Rules as data: what is sent besides the missing title, and the errors expected with it.
	const cases: { name: string; extra: [string, string][]; errors: string[] }[] = [
		{
			name: 'known keys only',
			extra: [
				['format', 'onsite'],
				['venue_land', 'DE-NW'],
				['submarkets', 'design']
			],
			errors: ['title']
		},
		{
			name: 'an unknown sub-market and topic',
			extra: [
				['format', 'onsite'],
				['venue_land', 'DE-NW'],
				['submarkets', 'design'],
				['submarkets', 'erfunden'],
				['topics', 'auch-erfunden']
			],
			errors: ['submarkets', 'title', 'topics']
		},
		{
			name: 'an unknown Land at a venue',
			extra: [
				['format', 'onsite'],
				['venue_land', 'DE-XX']
			],
			errors: ['title', 'venue_land']
		},
		{
			name: 'an online event has no venue to check',
			extra: [
				['format', 'online'],
				['venue_land', 'DE-XX']
			],
			errors: ['title']
		}
	];
	for (const c of cases)
		it(c.name, async () => {
			s = await testServices();
			setServices(s);
			const r = refusedForm(await create.default!(post([...base, ...c.extra])));
			expect(Object.keys(r.errors).sort()).toEqual(c.errors);
			expect(r.values.description).toBe('Ein Abend über Förderprogramme.');
		});
});
