import { hsdsTaxonomyTermsPage } from '$lib/server/directory/hsds-taxonomies';
import { hsdsTaxonomyTermsQuerySchema } from '$lib/server/directory/hsds-schema';
import { services } from '$lib/server/runtime';
import { apiError, apiJson, rateLimited } from '../../api.server';
import type { RequestHandler } from './$types';

/**
 * HSDS 3.0 `/taxonomy_terms`: a page of the terms of our vocabularies, filtered by `search`,
 * `taxonomy_id`, `top_only` and `parent_id`. A parameter that does not fit answers 400.
 */
export const GET: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	const parsed = hsdsTaxonomyTermsQuerySchema.safeParse(Object.fromEntries(event.url.searchParams));
	if (!parsed.success)
		return apiError(400, 'bad_request', {
			message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
		});
	const body = await hsdsTaxonomyTermsPage(services().db, parsed.data);
	return apiJson(body, 200, { 'cache-control': 'public, max-age=300' });
};
