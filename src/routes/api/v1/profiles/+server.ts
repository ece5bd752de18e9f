import { services } from '$lib/server/runtime';
import { apiProfiles } from '$lib/server/visibility/public';
import { apiJson, rateLimited } from '../api.server';
import type { RequestHandler } from './$types';

/** Published, visible profiles only; no e-mail address or other contact data. */
export const GET: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	const { db, clock, config } = services();
	return apiJson({ profiles: await apiProfiles(db, config.publicBaseUrl, clock.now()) });
};
