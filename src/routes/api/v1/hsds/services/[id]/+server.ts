import { publicJson } from '$lib/server/http/conditional-response';
import { hsdsServiceById } from '$lib/server/directory/hsds-api';
import { services } from '$lib/server/runtime';
import { apiError, rateLimited } from '../../../api.server';
import type { RequestHandler } from './$types';

/** HSDS 3.0 `/services/{id}`: one active service, fully nested; 404 (JSON) for any other id. */
export const GET: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	const service = await hsdsServiceById(services().db, event.params.id);
	if (!service) return apiError(404, 'not_found');
	return publicJson(event.request, service, 300);
};
