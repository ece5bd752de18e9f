import { hsdsTaxonomyTermById } from '$lib/server/directory/hsds-taxonomies';
import { services } from '$lib/server/runtime';
import { apiError, apiJson, rateLimited } from '../../../api.server';
import type { RequestHandler } from './$types';

/** HSDS 3.0 `/taxonomy_terms/{id}`: one term with its taxonomy; 404 (JSON) for any other id. */
export const GET: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	const term = await hsdsTaxonomyTermById(services().db, event.params.id);
	if (!term) return apiError(404, 'not_found');
	return apiJson(term, 200, { 'cache-control': 'public, max-age=300' });
};
