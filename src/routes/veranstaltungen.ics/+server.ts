import { conditionalResponse } from '$lib/server/http/conditional-response';
import { eventsFeed } from '$lib/server/events/ics';
import { feedEvents } from '$lib/server/events/queries';
import { services } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** iCal feed of the whole network's events (published, cancelled ones marked), for calendar subscriptions. */
export const GET: RequestHandler = async ({ request }) => {
	const { db, clock, config } = services();
	const now = clock.now();
	const body = eventsFeed(await feedEvents(db, now), {
		publicBaseUrl: config.publicBaseUrl,
		now: now.getTime(),
		name: 'Kreativlotse: Veranstaltungen'
	});
	// DTSTAMP is the moment of the request: the version is the feed without it.
	return conditionalResponse(request, body, {
		contentType: 'text/calendar; charset=utf-8',
		maxAge: 300,
		versionText: body.replace(/^DTSTAMP:.*$/gm, '')
	});
};
