import { describe, expect, it } from 'vitest';
import { testServices } from '../../../tests/support/test-database';
import { setServices } from '$lib/server/runtime';
import { GET } from './+server';
import { GET as READY } from '../readyz/+server';
import { servicesClosedAfterEach } from '../../../tests/support/services-per-test';

let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

const live = () => GET({} as Parameters<typeof GET>[0]) as Promise<Response>;
const ready = () => READY({} as Parameters<typeof READY>[0]) as Promise<Response>;

describe('GET /healthz (liveness) and GET /readyz (readiness)', () => {
	it('both answer 200 with the dialect; readyz reports current migrations', async () => {
		s = await testServices();
		setServices(s);
		const res = await live();
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ status: 'ok', database: s.dialect });
		const r = await ready();
		expect(r.status).toBe(200);
		expect(await r.json()).toEqual({ status: 'ok', database: s.dialect, migrations: 'current' });
	});

	it('without a database: healthz stays 200 (no restart loop), readyz answers 503', async () => {
		s = await testServices();
		setServices(s);
		expect((await ready()).status).toBe(200);
		// (Kysely only really closes a driver that has been used, hence the first call.)
		await s.close();
		expect((await live()).status).toBe(200);
		const res = await ready();
		expect(res.status).toBe(503);
		expect((await res.json()).status).toBe('unavailable');
	});

	it('readyz answers 503 while a migration is pending', async () => {
		s = await testServices();
		setServices(s);
		// The newest migration "not yet run" (its row removed), before the first readiness check.
		const newest = await s.db
			.selectFrom('kysely_migration' as never)
			.select('name' as never)
			.orderBy('name' as never, 'desc')
			.executeTakeFirstOrThrow();
		await s.db
			.deleteFrom('kysely_migration' as never)
			.where('name' as never, '=', (newest as { name: string }).name as never)
			.execute();
		const res = await ready();
		expect(res.status).toBe(503);
		expect(await res.json()).toMatchObject({ migrations: 'pending' });
	});
});
