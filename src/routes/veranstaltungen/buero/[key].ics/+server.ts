import { error } from '@sveltejs/kit';
import { eventsFeed } from '$lib/server/events/ics';
import { feedEvents } from '$lib/server/events/queries';
import { getOfficeByKey } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** iCal feed of one office's events (and the network's, which are for everyone). */
export const GET: RequestHandler = async ({ params }) => {
	const { db, clock, config } = services();
	const office = await getOfficeByKey(db, params.key);
	if (!office) error(404, { message: 'not found' });
	const now = clock.now();
	const body = eventsFeed(await feedEvents(db, now, office.id), {
		publicBaseUrl: config.publicBaseUrl,
		now: now.getTime(),
		name: `Kreativlotse: ${office.name}`
	});
	return new Response(body, {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'public, max-age=300' }
	});
};
