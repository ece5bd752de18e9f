import { hsdsTaxonomiesPage } from '$lib/server/directory/hsds-taxonomies';
import { hsdsTaxonomiesQuerySchema } from '$lib/server/directory/hsds-schema';
import { apiError, apiJson, rateLimited } from '../../api.server';
import type { RequestHandler } from './$types';

/** HSDS 3.0 `/taxonomies`: a page of our vocabularies, filtered by `search`; a parameter that does not fit answers 400. */
export const GET: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	const parsed = hsdsTaxonomiesQuerySchema.safeParse(Object.fromEntries(event.url.searchParams));
	if (!parsed.success)
		return apiError(400, 'bad_request', {
			message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
		});
	return apiJson(hsdsTaxonomiesPage(parsed.data), 200, { 'cache-control': 'public, max-age=3600' });
};
