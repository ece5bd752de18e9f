import { hsdsTaxonomiesPage } from '$lib/server/directory/hsds-taxonomies';
import { hsdsTaxonomiesQuerySchema } from '$lib/server/directory/hsds-schema';
import { apiJson, limitedQuery } from '../../api.server';
import type { RequestHandler } from './$types';

/** HSDS 3.0 `/taxonomies`: a page of our vocabularies, filtered by `search`; a parameter that does not fit answers 400. */
export const GET: RequestHandler = async (event) => {
	const query = await limitedQuery(event, hsdsTaxonomiesQuerySchema);
	if (query instanceof Response) return query;
	return apiJson(hsdsTaxonomiesPage(query), 200, { 'cache-control': 'public, max-age=3600' });
};
