import { afterEach, describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../../../tests/support/test-database';
import { exportHsds, importHsds } from '$lib/server/directory/hsds';
import { seedDirectory } from '$lib/server/directory/seed';
import { setServices } from '$lib/server/runtime';
import { apiEvent } from '../../api-fixture';
import { GET } from './+server';

let s: TestServices | null = null;
afterEach(async () => {
	await s?.close().catch(() => {});
	s = null;
});

async function get(query: string) {
	if (!s) {
		s = await testServices();
		setServices(s);
		await seedDirectory(s.db, s.clock.now());
	}
	return GET(apiEvent(`/api/v1/hsds/services${query}`));
}

const admin = { kind: 'staff' as const, id: 1, label: 'admin@example.org' };

describe('GET /api/v1/hsds/services', () => {
	it('answers an HSDS 3 /services page with nested organization, service_areas and attributes', async () => {
		const res = await get('?per_page=10');
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(Object.keys(body).sort()).toEqual(
			[
				'contents',
				'empty',
				'first_page',
				'last_page',
				'page_number',
				'size',
				'total_items',
				'total_pages'
			].sort()
		);
		expect(body).toMatchObject({
			total_items: 29,
			total_pages: 3,
			page_number: 1,
			size: 10,
			first_page: true,
			last_page: false,
			empty: false
		});
		expect(body.contents).toHaveLength(10);
		const first = body.contents[0];
		expect(first).toMatchObject({
			id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			organization_id: first.organization.id,
			status: 'active',
			assurer_email: null,
			organization: { identifiers: [{ identifier_scheme: 'kreativlotse', identifier_type: 'key' }] }
		});
		expect(first.service_areas.length).toBeGreaterThan(0);
		expect(first.attributes[0]).toMatchObject({
			link_type: 'service',
			taxonomy_term: { taxonomy: 'kreativlotse-kind' }
		});
		const last = await (await get('?page=3&per_page=10')).json();
		expect(last).toMatchObject({ page_number: 3, first_page: false, last_page: true, empty: false });
		expect(last.contents).toHaveLength(9);
		const past = await (await get('?page=9&per_page=10')).json();
		expect(past).toMatchObject({ empty: true, contents: [], total_items: 29 });
	});

	it('hides inactive services and refuses bad paging', async () => {
		await get('');
		await s!.db
			.updateTable('cp_service')
			.set({ active: 0 })
			.where('name', '=', 'Künstlersozialkasse (KSK)')
			.execute();
		const body = await (await get('?per_page=200')).json();
		expect(body.total_items).toBe(28);
		for (const q of ['?page=0', '?per_page=201', '?page=x', '?per_page=0'])
			expect((await get(q)).status, q).toBe(400);
	});

	it('round trip: what the endpoint answers imports into an empty directory unchanged', async () => {
		const body = await (await get('?per_page=200')).json();
		await s!.close();
		s = await testServices();
		setServices(s);
		expect(await importHsds(s, admin, body)).toEqual({ ok: true, created: 29, updated: 0 });
		expect(await importHsds(s, admin, body, {}, { dryRun: true })).toEqual({
			ok: true,
			created: 0,
			updated: 29
		});
		const again = await (await GET(apiEvent('/api/v1/hsds/services?per_page=200'))).json();
		// assured_date travels; the assurer is not published, so the import records "HSDS-Import".
		expect(again).toEqual(body);
		const full = await exportHsds(s.db);
		expect(full.contents.every((c) => c.assurer_email === null || c.assurer_email.includes('@'))).toBe(true);
	});
});
