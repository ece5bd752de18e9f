import { describe, expect, it } from 'vitest';
import { apiEvent } from '../../../../../tests/support/api-fixtures';
import { GET } from './+server';
import { seededDirectoryPerTest } from '../../../../../tests/support/directory-fixtures';

const ready = seededDirectoryPerTest();

async function get(query: string, env: Record<string, string> = {}) {
	await ready(env);
	return GET(apiEvent(`/api/v1/contact-points${query}`));
}

describe('GET /api/v1/contact-points', () => {
	it('lists every active entry with its public fields', async () => {
		const res = await get('');
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body.contactPoints).toHaveLength(29);
		const ksk = body.contactPoints.find((c: { key: string }) => c.key === 'ksk');
		expect(ksk).toMatchObject({
			name: 'Künstlersozialkasse (KSK)',
			kind: 'versicherung',
			cost: 'free',
			scope: 'bund',
			land: null,
			laender: [],
			website: 'https://kuenstlersozialkasse.de',
			topics: ['soziale_sicherung'],
			submarkets: [],
			advocacy: false,
			lastVerified: '2024-01-01T00:00:00+01:00'
		});
	});

	it.each([
		['?land=DE-NI', 200, 13],
		['?land=DE-NI&topic=netzwerk_kooperation', 200, null],
		['?topic=soziale_sicherung', 200, 2],
		['?q=k%C3%BCnstlersozialkasse', 200, 1],
		['?submarket=design', 200, 29],
		['?land=DE-XX', 400, null],
		['?land=ni', 400, null],
		['?topic=erfunden', 400, null],
		['?submarket=erfunden', 400, null],
		[`?q=${'x'.repeat(201)}`, 400, null]
	])('%s -> %i', async (query, status, count) => {
		const res = await get(query);
		expect(res.status).toBe(status);
		const body = await res.json();
		if (status === 400) expect(body.error).toBe('bad_request');
		if (count !== null) expect(body.contactPoints).toHaveLength(count);
		if (query.startsWith('?land=DE-NI') && status === 200) {
			const lands = body.contactPoints.map((c: { scope: string; land: string | null }) => c.land ?? c.scope);
			expect(new Set(lands)).toEqual(new Set(['DE-NI', 'bund'].filter((x) => lands.includes(x))));
			expect(lands).toContain('bund');
		}
	});

	it('is rate-limited like the other endpoints', async () => {
		let last = await get('', { API_RATE_LIMIT: '3' });
		for (let i = 0; i < 3; i++) last = await get('');
		expect(last.status).toBe(429);
		expect(last.headers.get('retry-after')).toBeTruthy();
	});
});
