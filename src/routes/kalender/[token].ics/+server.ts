import { error } from '@sveltejs/kit';
import { personalFeed } from '$lib/server/calendar-feed/feed';
import { services } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** A staff user's personal calendar feed (the secret URL); revoked, renewed or disabled: 404. */
export const GET: RequestHandler = async ({ params }) => {
	const { db, clock, config } = services();
	const body = await personalFeed(db, params.token, {
		publicBaseUrl: config.publicBaseUrl,
		now: clock.now()
	});
	if (!body) error(404, { message: 'not found' });
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="kalender.ics"',
			// Personal data: never in a shared cache; calendar apps poll every 15 minutes.
			'cache-control': 'private, no-store',
			'x-robots-tag': 'noindex'
		}
	});
};
