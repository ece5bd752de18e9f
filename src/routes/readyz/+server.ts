import { json } from '@sveltejs/kit';
import { readiness } from '$lib/server/operations/readiness';
import { services } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** Readiness for load balancers: 200 when the database answers and the migrations are current. */
export const GET: RequestHandler = async () => {
	const s = services();
	const state = await readiness(s);
	return json(
		{ status: state.ready ? 'ok' : 'unavailable', database: s.dialect, migrations: state.migrations },
		{ status: state.ready ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
