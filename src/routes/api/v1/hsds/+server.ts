import { publicJson } from '$lib/server/http/conditional-response';
import { hsdsMeta } from '$lib/server/directory/hsds-api';
import { services } from '$lib/server/runtime';
import { rateLimited } from '../api.server';
import type { RequestHandler } from './$types';

// HSDS clients call the API's base URL with and without the slash: both answer, no redirect.
export const trailingSlash = 'ignore';

/** HSDS API metadata (REQUIRED by the HSDS API reference): the HSDS version and where the description is. */
export const GET: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	return publicJson(event.request, hsdsMeta(services().config.publicBaseUrl), 3600);
};
