import { error } from '@sveltejs/kit';
import { manageIcs } from '$lib/server/booking/queries';
import { services } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** The booking's calendar entry as a download (reads only). */
export const GET: RequestHandler = async ({ params, locals }) => {
	const s = services();
	const ics = await manageIcs(s, params.token, locals.locale, s.clock.now());
	if (!ics) error(404, { message: 'not found' });
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'attachment; filename="termin.ics"',
			'cache-control': 'no-store'
		}
	});
};
