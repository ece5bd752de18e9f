import { afterEach, describe, expect, it } from 'vitest';
import { testServices, type TestServices } from '../../../tests/support/test-database';
import { setServices } from '$lib/server/runtime';
import { GET } from './+server';

let s: TestServices | null = null;
afterEach(async () => {
	await s?.close().catch(() => {});
	s = null;
});

const call = () => GET({} as Parameters<typeof GET>[0]) as Promise<Response>;

describe('GET /healthz', () => {
	it('answers 200 with the dialect and current migrations', async () => {
		s = await testServices();
		setServices(s);
		const res = await call();
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ status: 'ok', database: s.dialect, migrations: 'current' });
	});

	it('answers 503 when the database cannot be reached', async () => {
		s = await testServices();
		setServices(s);
		expect((await call()).status).toBe(200);
		// (Kysely only really closes a driver that has been used, hence the first call.)
		await s.close();
		const res = await call();
		expect(res.status).toBe(503);
		expect((await res.json()).status).toBe('unavailable');
	});
});
