import { publicJson } from '$lib/server/http/conditional-response';
import { isoBerlin } from '$lib/format/iso-offset';
import { apiEvents } from '$lib/server/events/queries';
import { services } from '$lib/server/runtime';
import type { z } from 'zod';
import type { eventListSchema } from '$lib/server/events/openapi';
import { rateLimited } from '../api.server';
import type { RequestHandler } from './$types';

/** Published, upcoming events with their place counts (no personal data). */
export const GET: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	const { db, clock, config } = services();
	const events = await apiEvents(db, config.publicBaseUrl, clock.now());
	const body: z.output<typeof eventListSchema> = {
		events: events.map((e) => ({ ...e, start: isoBerlin(e.start), end: isoBerlin(e.end) }))
	};
	return publicJson(event.request, body, 60);
};
