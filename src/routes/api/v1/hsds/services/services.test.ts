import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../../../tests/support/test-database';
import {
	hsdsMetaErrors,
	hsdsPageErrors,
	hsdsServiceErrors,
	hsdsServiceListItemErrors
} from '../../../../../../tests/support/hsds-validator';
import { exportHsds, importHsds } from '$lib/server/directory/hsds';
import { serviceUuid, stableUuid, taxonomyUuid } from '$lib/server/directory/hsds-shape';
import { listContactPoints } from '$lib/server/directory/queries';
import { setServices } from '$lib/server/runtime';
import { apiEvent } from '../../../../../../tests/support/api-fixtures';
import { GET as meta } from '../+server';
import { GET as one } from './[id]/+server';
import { GET } from './+server';
import { seededDirectoryPerTest } from '../../../../../../tests/support/directory-fixtures';

const ready = seededDirectoryPerTest();

async function get(query: string) {
	await ready();
	return GET(apiEvent(`/api/v1/hsds/services${query}`));
}

async function page(query: string) {
	const res = await get(query);
	expect(res.status, query).toBe(200);
	expect(res.headers.get('content-type')).toContain('application/json');
	const body = await res.json();
	const full = query.includes('full=true');
	expect(hsdsPageErrors(body, full ? hsdsServiceErrors : hsdsServiceListItemErrors), query).toEqual([]);
	return body;
}

/** Paths of every `null` in a JSON value: HSDS fields without a value are left out. */
function nulls(value: unknown, path = ''): string[] {
	if (value === null) return [path];
	if (typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([k, v]) => nulls(v, `${path}/${k}`));
}

const admin = { kind: 'staff' as const, id: 1, label: 'admin@example.org' };
const example = () =>
	JSON.parse(
		readFileSync(
			new URL('../../../../../../tests/fixtures/hsds/example-service.json', import.meta.url),
			'utf8'
		)
	);

describe('HSDS 3.0 API, validated against the official schemas', () => {
	it('GET / answers the API metadata with the HSDS version', async () => {
		await ready();
		const res = await meta(apiEvent('/api/v1/hsds/'));
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(hsdsMetaErrors(body)).toEqual([]);
		expect(body).toEqual({
			version: '3.0',
			profile: 'https://docs.openreferral.org/en/v3.0/',
			openapi_url: `${(await ready()).config.publicBaseUrl}/api/v1/openapi.json`
		});
	});

	it('every page, list and full, is valid; size counts the items on the page; no nulls', async () => {
		const first = await page('?per_page=10');
		expect(first).toMatchObject({
			total_items: 29,
			total_pages: 3,
			page_number: 1,
			size: 10,
			first_page: true,
			last_page: false,
			empty: false
		});
		expect(first.contents[0].organization).toBeDefined();
		expect(first.contents[0].attributes).toBeUndefined();
		const last = await page('?page=3&per_page=10');
		expect(last).toMatchObject({ page_number: 3, size: 9, first_page: false, last_page: true, empty: false });
		const past = await page('?page=9&per_page=10');
		expect(past).toMatchObject({ empty: true, size: 0, contents: [], total_items: 29 });
		const all = await page('?per_page=50');
		expect(all).toMatchObject({ size: 29, total_pages: 1, first_page: true, last_page: true });
		const full = await page('?full=true&per_page=200');
		expect(full.size).toBe(29);
		for (const body of [first, last, all, full]) expect(nulls(body)).toEqual([]);
		const ksk = full.contents.find(
			(c: { organization: { organization_identifiers: { identifier: string }[] } }) =>
				c.organization.organization_identifiers[0]!.identifier === 'ksk'
		);
		expect(ksk).toMatchObject({
			status: 'active',
			service_areas: [{ extent: 'DE', name: 'Deutschland', extent_type: 'text' }],
			organization: { website: 'https://kuenstlersozialkasse.de' }
		});
		expect(ksk.assurer_email).toBeUndefined();
		expect(ksk.attributes[0].taxonomy_term).toMatchObject({
			taxonomy: 'kreativlotse-kind',
			code: 'versicherung',
			name: 'Versicherung',
			taxonomy_id: taxonomyUuid('kreativlotse-kind')
		});
	});

	it('GET /services/{id} answers each listed service fully nested; others 404 as JSON', async () => {
		const list = await page('?per_page=200');
		for (const item of list.contents) {
			const res = await one(apiEvent(`/api/v1/hsds/services/${item.id}`, { params: { id: item.id } }));
			expect(res.status).toBe(200);
			const body = await res.json();
			expect(hsdsServiceErrors(body), item.name).toEqual([]);
			expect(nulls(body)).toEqual([]);
			expect(body).toMatchObject({
				id: item.id,
				name: item.name,
				organization: { id: item.organization_id }
			});
		}
		await (await ready()).db
			.updateTable('cp_service')
			.set({ active: 0 })
			.where('name', '=', 'Künstlersozialkasse (KSK)')
			.execute();
		for (const id of [serviceUuid('ksk'), stableUuid('nothing'), 'not-a-uuid']) {
			const res = await one(apiEvent(`/api/v1/hsds/services/${id}`, { params: { id } }));
			expect(res.status, id).toBe(404);
			expect(await res.json()).toEqual({ error: 'not_found' });
		}
	});

	it('filters: search, taxonomy_term_id, taxonomy_id, organization_id, modified_after; bad values 400', async () => {
		const ksk = await page('?search=k%C3%BCnstlersozialkasse');
		expect(ksk.contents.map((c: { name: string }) => c.name)).toEqual(['Künstlersozialkasse (KSK)']);
		expect((await page('?search=gibt%20es%20nicht')).total_items).toBe(0);
		const insurance = stableUuid('term', 'kreativlotse-kind', 'versicherung');
		const byTerm = await page(`?full=true&taxonomy_term_id=${insurance}`);
		expect(byTerm.total_items).toBeGreaterThan(0);
		expect(byTerm.total_items).toBeLessThan(29);
		for (const c of byTerm.contents)
			expect(c.attributes.map((a: { taxonomy_term_id: string }) => a.taxonomy_term_id)).toContain(insurance);
		expect((await page(`?taxonomy_id=${taxonomyUuid('kreativlotse-kind')}`)).total_items).toBe(29);
		expect((await page(`?taxonomy_id=${stableUuid('x')}`)).total_items).toBe(0);
		const org = ksk.contents[0].organization_id;
		expect((await page(`?organization_id=${org}`)).contents.map((c: { id: string }) => c.id)).toEqual([
			ksk.contents[0].id
		]);

		const later = (await ready()).clock.now().getTime() + 60_000;
		await (await ready()).db
			.updateTable('cp_organization')
			.set({ updated_at: later })
			.where('key', '=', 'ksk')
			.execute();
		const iso = encodeURIComponent(new Date(later).toISOString());
		const changed = await page(`?modified_after=${iso}`);
		expect(
			changed.contents.map((c: { name: string; last_modified: string }) => [c.name, c.last_modified])
		).toEqual([['Künstlersozialkasse (KSK)', new Date(later).toISOString()]]);
		expect(
			(await page(`?modified_after=${encodeURIComponent('2026-01-01T00:00:00+01:00')}`)).total_items
		).toBe(29);

		for (const q of [
			'?page=0',
			'?per_page=201',
			'?page=x',
			'?per_page=0',
			'?taxonomy_term_id=versicherung',
			'?modified_after=yesterday',
			'?full=yes',
			'?format=ndjson'
		])
			expect((await get(q)).status, q).toBe(400);
	});

	it('round trip: the full answer imports into an empty directory unchanged', async () => {
		const body = await page('?full=true&per_page=200');
		await (await ready()).close();
		const s = await testServices();
		setServices(s);
		expect(await importHsds(s, admin, body)).toEqual({ ok: true, created: 29, updated: 0 });
		expect(await importHsds(s, admin, body, {}, { dryRun: true })).toEqual({
			ok: true,
			created: 0,
			updated: 29
		});
		const again = await (await GET(apiEvent('/api/v1/hsds/services?full=true&per_page=200'))).json();
		// assured_date travels; the assurer is not published, so the import records "HSDS-Import".
		expect(again).toEqual(body);
		const exported = await exportHsds(s.db);
		for (const c of exported.contents) expect(hsdsServiceErrors(c)).toEqual([]);
		expect(
			exported.contents.every((c) => c.assurer_email === undefined || c.assurer_email.includes('@'))
		).toBe(true);
	});

	it('imports a record shaped like the official HSDS examples, and again without a duplicate', async () => {
		const s = await testServices();
		setServices(s);
		const record = example();
		expect(hsdsServiceErrors(record)).toEqual([]);
		// The validator can fail: a null where the schema wants a string is what issue 15 found.
		expect(hsdsServiceErrors({ ...record, url: null })).toEqual(['/url must be string']);
		expect(await importHsds(s, admin, record)).toEqual({ ok: true, created: 1, updated: 0 });
		expect(await importHsds(s, admin, { contents: [record] })).toEqual({ ok: true, created: 0, updated: 1 });
		const [c] = await listContactPoints(s.db);
		expect(c).toMatchObject({
			key: 'hsds-ac148810d857441c9679408f346de14b',
			name: 'Community Counselling',
			kind: 'beratung',
			scope: 'bund',
			serviceUrl: 'http://example.com/counselling',
			website: 'http://example.com',
			email: 'email@example.com',
			active: true
		});
		const listed = await (await GET(apiEvent('/api/v1/hsds/services'))).json();
		expect(hsdsPageErrors(listed, hsdsServiceListItemErrors)).toEqual([]);
		expect(listed.contents[0]).toMatchObject({ name: 'Community Counselling', assured_date: '2005-01-01' });
	});
});
