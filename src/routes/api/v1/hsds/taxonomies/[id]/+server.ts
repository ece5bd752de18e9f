import { hsdsTaxonomyById } from '$lib/server/directory/hsds-taxonomies';
import { apiError, apiJson, rateLimited } from '../../../api.server';
import type { RequestHandler } from './$types';

/** HSDS 3.0 `/taxonomies/{id}`: one of our vocabularies; 404 (JSON) for any other id. */
export const GET: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	const taxonomy = hsdsTaxonomyById(event.params.id);
	if (!taxonomy) return apiError(404, 'not_found');
	return apiJson(taxonomy, 200, { 'cache-control': 'public, max-age=3600' });
};
