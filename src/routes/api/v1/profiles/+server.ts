import { publicJson } from '$lib/server/http/conditional-response';
import { services } from '$lib/server/runtime';
import { type profileListSchema, profileListQuerySchema } from '$lib/server/visibility/openapi';
import { apiProfiles, readProfileCursor, writeProfileCursor } from '$lib/server/visibility/public';
import type { z } from 'zod';
import { apiError, rateLimited } from '../api.server';
import type { RequestHandler } from './$types';

/**
 * Published, visible profiles only; no e-mail address or other contact data. Keyset-paged: the
 * next page's URL is in the body (`next`) and in a `Link: <…>; rel="next"` header.
 */
export const GET: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	const parsed = profileListQuerySchema.safeParse(Object.fromEntries(event.url.searchParams));
	if (!parsed.success)
		return apiError(400, 'bad_request', {
			message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
		});
	const { cursor, limit } = parsed.data;
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
