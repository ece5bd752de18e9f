import { eventsFeed } from '$lib/server/events/ics';
import { feedEvents } from '$lib/server/events/queries';
import { services } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** iCal feed of the whole network's events (published, cancelled ones marked), for calendar subscriptions. */
export const GET: RequestHandler = async () => {
	const { db, clock, config } = services();
	const now = clock.now();
	const body = eventsFeed(await feedEvents(db, now), {
		publicBaseUrl: config.publicBaseUrl,
		now: now.getTime(),
		name: 'Kreativlotse: Veranstaltungen'
	});
	return new Response(body, {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'public, max-age=300' }
	});
};
