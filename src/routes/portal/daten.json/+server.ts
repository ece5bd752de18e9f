import { error } from '@sveltejs/kit';
import { requireCreative } from '$lib/server/http/gate';
import { exportCreative } from '$lib/server/privacy/export';
import { services } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** "Download my data": every row about the signed-in creative, as a JSON attachment. Reads only. */
export const GET: RequestHandler = async (event) => {
	const me = requireCreative(event);
	const { db, clock } = services();
	const now = clock.now();
	const data = await exportCreative(db, me.id, now);
	if (!data) error(404, { message: 'not found' });
	const day = now.toISOString().slice(0, 10);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="kreativlotse-meine-daten-${day}.json"`,
			'cache-control': 'no-store'
		}
	});
};
