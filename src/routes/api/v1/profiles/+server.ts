import { publicJson } from '$lib/server/http/conditional-response';
import { services } from '$lib/server/runtime';
import { type profileListSchema, profileListQuerySchema } from '$lib/server/visibility/openapi';
import { apiProfiles, readProfileCursor, writeProfileCursor } from '$lib/server/visibility/public';
import type { z } from 'zod';
import { apiError, limitedQuery } from '../api.server';
import type { RequestHandler } from './$types';

/**
 * Published, visible profiles only; no e-mail address or other contact data. Keyset-paged: the
 * next page's URL is in the body (`next`) and in a `Link: <…>; rel="next"` header.
 */
export const GET: RequestHandler = async (event) => {
	const query = await limitedQuery(event, profileListQuerySchema);
	if (query instanceof Response) return query;
	const { cursor, limit } = query;
	const after = cursor === undefined ? null : readProfileCursor(cursor);
	if (cursor !== undefined && after === null)
		return apiError(400, 'bad_request', { message: 'cursor: not a cursor this API gave out' });
	const { db, clock, config } = services();
	const page = await apiProfiles(db, config.publicBaseUrl, clock.now(), { limit, after });
	const next = page.next
		? `${config.publicBaseUrl.replace(/\/$/, '')}/api/v1/profiles?${new URLSearchParams({ limit: String(limit), cursor: writeProfileCursor(page.next) })}`
		: null;
	const body: z.output<typeof profileListSchema> = { profiles: page.profiles, next };
	return publicJson(event.request, body, 60, next ? { link: `<${next}>; rel="next"` } : {});
};
