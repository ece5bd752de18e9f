import { describe, expect, it } from 'vitest';
import { matchesIfNoneMatch } from '$lib/server/http/conditional-response';
import { setServices } from '$lib/server/runtime';
import { testServices } from '../../../../tests/support/test-database';
import { GET as getFeed } from '../../veranstaltungen.ics/+server';
import { apiEvent } from '../../../../tests/support/api-fixtures';
import { GET as getOffices } from './offices/+server';
import { GET as getOpenApi } from './openapi.json/+server';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/**
 * Issue 14: public JSON and the public events feed carry a weak ETag and Cache-Control; a client
 * holding the current version gets 304 without a body, a changed answer gets a new ETag.
 */
let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

async function setup() {
	s = await testServices();
	setServices(s);
	return s;
}

const offices = (headers: Record<string, string> = {}) =>
	getOffices(apiEvent('/api/v1/offices', { headers })) as Promise<Response>;

describe('conditional public answers', () => {
	it('offices: ETag and Cache-Control, 304 for the current version, 200 with a new ETag after a change', async () => {
		const { db } = await setup();
		const first = await offices();
		expect(first.status).toBe(200);
		expect(first.headers.get('cache-control')).toBe('public, max-age=300');
		const etag = first.headers.get('etag') ?? '';
		expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
		expect((await offices()).headers.get('etag')).toBe(etag);

		const unchanged = await offices({ 'if-none-match': etag });
		expect(unchanged.status).toBe(304);
		expect(await unchanged.text()).toBe('');
		expect(unchanged.headers.get('etag')).toBe(etag);
		expect(unchanged.headers.get('cache-control')).toBe('public, max-age=300');

		await db.updateTable('office').set({ phone: '+49 30 999999' }).where('key', '=', 'nw').execute();
		const changed = await offices({ 'if-none-match': etag });
		expect(changed.status).toBe(200);
		expect(changed.headers.get('etag')).not.toBe(etag);
		expect(JSON.stringify(await changed.json())).toContain('+49 30 999999');
	});

	it('the OpenAPI document answers 304 to its ETag (strong or weak form, in a list)', async () => {
		await setup();
		const first = (await getOpenApi(apiEvent('/api/v1/openapi.json'))) as Response;
		const etag = first.headers.get('etag') ?? '';
		expect(first.headers.get('cache-control')).toBe('public, max-age=3600');
		const strong = etag.replace(/^W\//, '');
		const again = (await getOpenApi(
			apiEvent('/api/v1/openapi.json', { headers: { 'if-none-match': `"other", ${strong}` } })
		)) as Response;
		expect(again.status).toBe(304);
	});

	it('the events feed keeps its ETag while only the request time moves on', async () => {
		const { clock } = await setup();
		const feed = (headers: Record<string, string> = {}) =>
			getFeed({
				request: new Request('http://localhost/veranstaltungen.ics', { headers })
			} as never) as Promise<Response>;
		const first = await feed();
		expect(first.status).toBe(200);
		expect(first.headers.get('content-type')).toContain('text/calendar');
		expect(first.headers.get('cache-control')).toBe('public, max-age=300');
		const etag = first.headers.get('etag') ?? '';
		clock.advance(60_000);
		expect((await feed({ 'if-none-match': etag })).status).toBe(304);
	});
});

describe('If-None-Match', () => {
	it('compares weakly, reads lists and *, and misses on other tags or none', () => {
		expect(matchesIfNoneMatch('W/"abc"', 'W/"abc"')).toBe(true);
		expect(matchesIfNoneMatch('"abc"', 'W/"abc"')).toBe(true);
		expect(matchesIfNoneMatch('"x", W/"abc"', 'W/"abc"')).toBe(true);
		expect(matchesIfNoneMatch('*', 'W/"abc"')).toBe(true);
		expect(matchesIfNoneMatch('"abd"', 'W/"abc"')).toBe(false);
		expect(matchesIfNoneMatch(null, 'W/"abc"')).toBe(false);
	});
});
