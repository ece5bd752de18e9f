import { describe, expect, it } from 'vitest';
import { conforms } from '../../../../../tests/support/openapi-contract';
import { testServices } from '../../../../../tests/support/test-database';
import { setServices } from '$lib/server/runtime';
import { insertPublishedProfiles } from '$lib/server/visibility/bulk-profiles';
import { apiEvent } from '../../../../../tests/support/api-fixtures';
import { GET } from './+server';
import { servicesClosedAfterEach } from '../../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

type Page = { profiles: { id: number; name: string }[]; next: string | null };

async function fetchPage(url: string) {
	const res = await GET(apiEvent(url));
	return { res, body: (await res.clone().json()) as Page };
}

/** Issue 14, acceptance: keyset paging of GET /api/v1/profiles. */
describe('GET /api/v1/profiles paging', () => {
	it('?limit=2 returns 2 and a next link; walking all pages returns every published profile exactly once while profiles are added', async () => {
		s = await testServices();
		setServices(s);
		const t = s.clock.now().getTime();
		// Equal approval times on purpose: the id breaks the tie, so the order is still total.
		const first = await insertPublishedProfiles(
			s.db,
			Array.from({ length: 7 }, (_, i) => ({ name: `Profil ${String.fromCharCode(90 - i)}` })),
			t
		);
		const { res, body } = await fetchPage('/api/v1/profiles?limit=2');
		expect(res.status).toBe(200);
		await conforms('/profiles', 'get', res);
		expect(body.profiles).toHaveLength(2);
		expect(body.next).toMatch(/\/api\/v1\/profiles\?limit=2&cursor=[A-Za-z0-9_-]+$/);
		expect(res.headers.get('link')).toBe(`<${body.next}>; rel="next"`);

		const seen = body.profiles.map((p) => p.id);
		const added: number[] = [];
		let next = body.next;
		let round = 0;
		while (next) {
			// Between two page fetches someone's profile is approved (later, and at the same instant).
			round++;
			added.push(
				...(await insertPublishedProfiles(s.db, [{ name: `Neu ${round}` }], t + round * 1000, `r${round}`))
			);
			if (round === 1)
				added.push(...(await insertPublishedProfiles(s.db, [{ name: 'Gleichzeitig' }], t, 'same')));
			const page = await fetchPage(new URL(next).pathname + new URL(next).search);
			expect(page.res.status).toBe(200);
			expect(page.body.profiles.length).toBeLessThanOrEqual(2);
			seen.push(...page.body.profiles.map((p) => p.id));
			next = page.body.next;
			if (round > 50) throw new Error('paging does not end');
		}
		expect(new Set(seen).size, 'no profile twice').toBe(seen.length);
		for (const id of first) expect(seen, `profile ${id} present at the start`).toContain(id);
		// Profiles approved during the walk sort after it, so the walk reaches them too.
		for (const id of added) expect(seen, `profile ${id} added during the walk`).toContain(id);
	});

	it('has no next link on the last page, defaults to 50, caps at 200, and answers 400 JSON to a bad cursor or limit', async () => {
		s = await testServices();
		setServices(s);
		await insertPublishedProfiles(
			s.db,
			Array.from({ length: 3 }, (_, i) => ({ name: `P${i}` })),
			s.clock.now().getTime()
		);
		const all = await fetchPage('/api/v1/profiles');
		expect(all.body.profiles).toHaveLength(3);
		expect(all.body.next).toBeNull();
		expect(all.res.headers.get('link')).toBeNull();
		for (const bad of [
			'/api/v1/profiles?cursor=nonsense!',
			'/api/v1/profiles?cursor=Zm9v',
			`/api/v1/profiles?cursor=${Buffer.from('[1,"x"]').toString('base64url')}`,
			'/api/v1/profiles?limit=0',
			'/api/v1/profiles?limit=201'
		]) {
			const res = await GET(apiEvent(bad));
			expect(res.status, bad).toBe(400);
			expect((await res.json()).error, bad).toBe('bad_request');
		}
		expect((await GET(apiEvent('/api/v1/profiles?limit=200'))).status).toBe(200);
	});
});
