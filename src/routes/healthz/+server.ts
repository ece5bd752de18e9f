import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { migrationState } from '$lib/server/db/migrate';
import { services } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** For load balancers and monitoring: 200 when the database answers, 503 when it does not. */
export const GET: RequestHandler = async () => {
	const { db, dialect } = services();
	try {
		await sql`select 1`.execute(db);
		const migrations = await migrationState(db);
		return json(
			{ status: migrations === 'current' ? 'ok' : 'degraded', database: dialect, migrations },
			{ status: migrations === 'current' ? 200 : 503, headers: { 'cache-control': 'no-store' } }
		);
	} catch {
		return json(
			{ status: 'unavailable', database: dialect, migrations: 'unknown' },
			{ status: 503, headers: { 'cache-control': 'no-store' } }
		);
	}
};
