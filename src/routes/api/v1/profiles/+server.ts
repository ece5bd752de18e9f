import { publicJson } from '$lib/server/http/conditional-response';
import { services } from '$lib/server/runtime';
import { apiProfiles } from '$lib/server/visibility/public';
import type { z } from 'zod';
import type { profileListSchema } from '$lib/server/visibility/openapi';
import { rateLimited } from '../api.server';
import type { RequestHandler } from './$types';

/** Published, visible profiles only; no e-mail address or other contact data. */
export const GET: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	const { db, clock, config } = services();
	const body: z.output<typeof profileListSchema> = {
		profiles: await apiProfiles(db, config.publicBaseUrl, clock.now())
	};
	return publicJson(event.request, body, 60);
};
