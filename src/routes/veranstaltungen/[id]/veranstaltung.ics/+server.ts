import { error } from '@sveltejs/kit';
import { eventIcs } from '$lib/server/events/ics';
import { publicEvent } from '$lib/server/events/queries';
import { services } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** One public event as an iCalendar download (no online link: that goes to confirmed registrants only). */
export const GET: RequestHandler = async ({ params }) => {
	const { db, clock, config } = services();
	const found = /^\d{1,9}$/.test(params.id) ? await publicEvent(db, Number(params.id), clock.now()) : null;
	if (!found) error(404, { message: 'not found' });
	// A download publishes (a cancelled event with STATUS:CANCELLED); CANCEL is for mails to attendees.
	return new Response(
		eventIcs(found.event, 'PUBLISH', { publicBaseUrl: config.publicBaseUrl, now: clock.now().getTime() }),
		{
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': `attachment; filename="veranstaltung-${found.event.id}.ics"`,
				'cache-control': 'no-store'
			}
		}
	);
};
