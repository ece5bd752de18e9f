import SwaggerParser from '@apidevtools/swagger-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { conforms, exercised, operations } from '../../../../tests/support/openapi-contract';
import { testServices, type TestServices } from '../../../../tests/support/test-database';
import { seedDirectory } from '$lib/server/directory/seed';
import { openApiDocument } from '$lib/server/http/openapi-document';
import { setServices } from '$lib/server/runtime';
import { apiEvent, apiFixture, bookingBody, postBooking } from '../../../../tests/support/api-fixtures';
import { POST as postBookings } from './bookings/+server';
import { GET as getContactPoints } from './contact-points/+server';
import { GET as getEvents } from './events/+server';
import { POST as postRegistration } from './events/[id]/registrations/+server';
import { GET as getHsdsMeta } from './hsds/+server';
import { GET as getHsdsService } from './hsds/services/[id]/+server';
import { GET as getHsdsServices } from './hsds/services/+server';
import { GET as getHsdsTaxonomy } from './hsds/taxonomies/[id]/+server';
import { GET as getHsdsTaxonomies } from './hsds/taxonomies/+server';
import { GET as getHsdsTerm } from './hsds/taxonomy_terms/[id]/+server';
import { GET as getHsdsTerms } from './hsds/taxonomy_terms/+server';
import { GET as getOffices } from './offices/+server';
import { GET as getSlots } from './offices/[id]/slots/+server';
import { GET as getOpenApi } from './openapi.json/+server';
import { GET as getProfiles } from './profiles/+server';
import { insertPublishedProfiles } from '$lib/server/visibility/bulk-profiles';

type Json = Record<string, unknown>;
const doc = openApiDocument as unknown as Json;
const paths = doc.paths as Record<string, Record<string, Json>>;

describe('the generated OpenAPI document', () => {
	it('is valid OpenAPI 3.1 (swagger-parser), public (security: []), licensed, every operation with 429', async () => {
		await expect(SwaggerParser.validate(structuredClone(openApiDocument) as never)).resolves.toBeTruthy();
		expect(doc.openapi).toBe('3.1.0');
		expect(doc.security).toEqual([]);
		expect((doc.info as Json).license).toMatchObject({ name: expect.any(String) });
		expect(operations().sort()).toEqual(
			[
				'GET /offices',
				'GET /offices/{id}/slots',
				'POST /bookings',
				'GET /contact-points',
				'GET /hsds',
				'GET /hsds/services',
				'GET /hsds/services/{id}',
				'GET /hsds/taxonomies',
				'GET /hsds/taxonomies/{id}',
				'GET /hsds/taxonomy_terms',
				'GET /hsds/taxonomy_terms/{id}',
				'GET /events',
				'POST /events/{id}/registrations',
				'GET /profiles',
				'GET /openapi.json'
			].sort()
		);
		const ids = Object.values(paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
		expect(new Set(ids).size).toBe(ids.length);
		for (const [path, ops] of Object.entries(paths))
			for (const op of Object.values(ops)) expect(Object.keys(op.responses as Json), path).toContain('429');
		// No $ref is left to resolve and nothing was written by hand: the phone rule is the form's.
		expect(JSON.stringify(doc)).not.toContain('$ref');
		const booking = (paths['/bookings']!.post!.requestBody as Json).content as Json;
		expect(JSON.stringify(booking)).toContain('^[0-9+()/\\\\-\\\\s]*$');
	});

	it('is served at /api/v1/openapi.json', async () => {
		const s = await testServices();
		setServices(s);
		const res = await getOpenApi(apiEvent('/api/v1/openapi.json'));
		expect(res.status).toBe(200);
		const served = (await res.json()) as Json;
		expect(served).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
		// Without configuration the data licence is the German open data licence.
		expect((served.info as Json).license).toEqual({
			name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
			url: 'https://www.govdata.de/dl-de/by-2-0'
		});
		await s.close();
	});

	it('names the data licence the operator configured (API_DATA_LICENSE, API_DATA_LICENSE_URL)', async () => {
		const s = await testServices({
			env: {
				API_DATA_LICENSE: 'CC BY 4.0',
				API_DATA_LICENSE_URL: 'https://creativecommons.org/licenses/by/4.0/'
			}
		});
		setServices(s);
		const served = (await (await getOpenApi(apiEvent('/api/v1/openapi.json'))).json()) as Json;
		expect((served.info as Json).license).toEqual({
			name: 'CC BY 4.0',
			url: 'https://creativecommons.org/licenses/by/4.0/'
		});
		await expect(SwaggerParser.validate(served as never)).resolves.toBeTruthy();
		await s.close();
	});
});

describe('real responses match the document', () => {
	let s: TestServices | null = null;
	afterEach(async () => {
		await s?.close().catch(() => {});
		s = null;
	});

	it('for every documented status the handlers produce', async () => {
		s = await testServices({ env: { API_RATE_LIMIT: '40' } });
		setServices(s);
		const { officeId } = await apiFixture(s);
		const slots = (id: string, q: string) =>
			getSlots(apiEvent(`/api/v1/offices/${id}/slots?${q}`, { params: { id } }));
		const post = (body: unknown, key: string | null) =>
			postBookings(postBooking(body, key)) as Promise<Response>;

		await conforms('/offices', 'get', await getOffices(apiEvent('/api/v1/offices')));
		await conforms('/openapi.json', 'get', await getOpenApi(apiEvent('/api/v1/openapi.json')));
		await conforms('/events', 'get', await getEvents(apiEvent('/api/v1/events')));
		// Two profiles, one per page: the first page carries its documented Link header.
		await insertPublishedProfiles(s.db, [{ name: 'Eins' }, { name: 'Zwei' }], s.clock.now().getTime());
		await conforms('/profiles', 'get', await getProfiles(apiEvent('/api/v1/profiles?limit=1')));
		await conforms('/profiles', 'get', await getProfiles(apiEvent('/api/v1/profiles?cursor=x')));
		await conforms(
			'/events/{id}/registrations',
			'post',
			await postRegistration(
				apiEvent('/api/v1/events/999/registrations', {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'idempotency-key': 'doc-key-0009' },
					body: JSON.stringify({ name: 'A', email: 'a@example.org', consents: { processing: true } }),
					params: { id: '999' }
				})
			)
		);
		await seedDirectory(s.db, s.clock.now());
		await conforms('/hsds', 'get', await getHsdsMeta(apiEvent('/api/v1/hsds/')));
		const hsds = (q: string) => getHsdsServices(apiEvent(`/api/v1/hsds/services${q}`));
		const page = await conforms('/hsds/services', 'get', await hsds('?per_page=5'));
		await conforms('/hsds/services', 'get', await hsds('?full=true&search=kasse'));
		await conforms('/hsds/services', 'get', await hsds('?page=99'));
		await conforms('/hsds/services', 'get', await hsds('?modified_after=gestern'));
		const id = (page.contents as { id: string }[])[0]!.id;
		const one = (v: string) => getHsdsService(apiEvent(`/api/v1/hsds/services/${v}`, { params: { id: v } }));
		await conforms('/hsds/services/{id}', 'get', await one(id));
		await conforms('/hsds/services/{id}', 'get', await one('nope'));
		const taxonomies = await conforms(
			'/hsds/taxonomies',
			'get',
			await getHsdsTaxonomies(apiEvent('/api/v1/hsds/taxonomies?search=kreativlotse'))
		);
		await conforms(
			'/hsds/taxonomies',
			'get',
			await getHsdsTaxonomies(apiEvent('/api/v1/hsds/taxonomies?page=0'))
		);
		const taxonomy = (v: string) =>
			getHsdsTaxonomy(apiEvent(`/api/v1/hsds/taxonomies/${v}`, { params: { id: v } }));
		await conforms(
			'/hsds/taxonomies/{id}',
			'get',
			await taxonomy((taxonomies.contents as { id: string }[])[0]!.id)
		);
		await conforms('/hsds/taxonomies/{id}', 'get', await taxonomy('nope'));
		const terms = (q: string) => getHsdsTerms(apiEvent(`/api/v1/hsds/taxonomy_terms${q}`));
		const termPage = await conforms('/hsds/taxonomy_terms', 'get', await terms('?top_only=true'));
		await conforms('/hsds/taxonomy_terms', 'get', await terms('?top_only=vielleicht'));
		const term = (v: string) =>
			getHsdsTerm(apiEvent(`/api/v1/hsds/taxonomy_terms/${v}`, { params: { id: v } }));
		await conforms(
			'/hsds/taxonomy_terms/{id}',
			'get',
			await term((termPage.contents as { id: string }[])[0]!.id)
		);
		await conforms('/hsds/taxonomy_terms/{id}', 'get', await term('nope'));
		const cps = await conforms(
			'/contact-points',
			'get',
			await getContactPoints(apiEvent('/api/v1/contact-points?land=DE-NI'))
		);
		expect((cps.contactPoints as unknown[]).length).toBeGreaterThan(0);
		await conforms(
			'/contact-points',
			'get',
			await getContactPoints(apiEvent('/api/v1/contact-points?land=XX'))
		);
		const list = (await conforms(
			'/offices/{id}/slots',
			'get',
			await slots(String(officeId), 'from=2026-06-17&to=2026-06-19')
		)) as { slots: { start: string }[] };
		expect(list.slots.length).toBeGreaterThan(0);
		await conforms('/offices/{id}/slots', 'get', await slots(String(officeId), 'from=2026-06-17'));
		await conforms('/offices/{id}/slots', 'get', await slots('9999', 'from=2026-06-17&to=2026-06-19'));

		const start = list.slots[0]!.start;
		const body = bookingBody(officeId, { start });
		const created = await conforms('/bookings', 'post', await post(body, 'doc-key-0001'));
		expect(created.status).toBe('pending_confirmation');
		await conforms('/bookings', 'post', await post(body, 'doc-key-0001'));
		await conforms(
			'/bookings',
			'post',
			await post(bookingBody(officeId, { start, email: 'b@example.org' }), 'doc-key-0002')
		);
		await conforms('/bookings', 'post', await post({ ...body, concern: 'anders' }, 'doc-key-0001'));
		await conforms('/bookings', 'post', await post({ ...body, land: 'XX' }, 'doc-key-0003'));
		await conforms('/bookings', 'post', await post('{', 'doc-key-0004'));
		await conforms('/bookings', 'post', await post(body, null));

		s.clock.advance(60_000);
		let last = await getOffices(apiEvent('/api/v1/offices'));
		for (let i = 0; i < 40; i++) last = await getOffices(apiEvent('/api/v1/offices'));
		expect(last.status).toBe(429);
		await conforms('/offices', 'get', last);
		for (const [path, method, handler] of [
			['/hsds/services', 'get', () => hsds('')],
			['/events', 'get', () => getEvents(apiEvent('/api/v1/events'))]
		] as const)
			await conforms(path, method, await handler());
		expect([...exercised].sort()).toEqual(operations().sort());
	});
});
