import { hsdsTaxonomyTermsPage } from '$lib/server/directory/hsds-taxonomies';
import { hsdsTaxonomyTermsQuerySchema } from '$lib/server/directory/hsds-schema';
import { services } from '$lib/server/runtime';
import { apiJson, limitedQuery } from '../../api.server';
import type { RequestHandler } from './$types';

/**
 * HSDS 3.0 `/taxonomy_terms`: a page of the terms of our vocabularies, filtered by `search`,
 * `taxonomy_id`, `top_only` and `parent_id`. A parameter that does not fit answers 400.
 */
export const GET: RequestHandler = async (event) => {
	const query = await limitedQuery(event, hsdsTaxonomyTermsQuerySchema);
	if (query instanceof Response) return query;
	const body = await hsdsTaxonomyTermsPage(services().db, query);
	return apiJson(body, 200, { 'cache-control': 'public, max-age=300' });
};
