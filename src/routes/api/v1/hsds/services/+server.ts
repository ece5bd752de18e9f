import { publicJson } from '$lib/server/http/conditional-response';
import { hsdsServicesPage } from '$lib/server/directory/hsds-api';
import { hsdsServicesQuerySchema } from '$lib/server/directory/hsds-schema';
import { services } from '$lib/server/runtime';
import { limitedQuery } from '../../api.server';
import type { RequestHandler } from './$types';

/**
 * HSDS 3.0 `/services`: a page of active services (one-to-one fields with the organization, or
 * fully nested with `full=true`), filtered by `search`, `taxonomy_term_id`, `taxonomy_id`,
 * `organization_id` and `modified_after`. A parameter that does not fit answers 400.
 */
export const GET: RequestHandler = async (event) => {
	const query = await limitedQuery(event, hsdsServicesQuerySchema);
	if (query instanceof Response) return query;
	const body = await hsdsServicesPage(services().db, query);
	return publicJson(event.request, body, 300);
};
