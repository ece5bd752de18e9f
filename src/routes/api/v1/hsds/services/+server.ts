import { publicJson } from '$lib/server/http/conditional-response';
import { hsdsServicesPage } from '$lib/server/directory/hsds-api';
import { hsdsServicesQuerySchema } from '$lib/server/directory/hsds-schema';
import { services } from '$lib/server/runtime';
import { apiError, rateLimited } from '../../api.server';
import type { RequestHandler } from './$types';

/**
 * HSDS 3.0 `/services`: a page of active services (one-to-one fields with the organization, or
 * fully nested with `full=true`), filtered by `search`, `taxonomy_term_id`, `taxonomy_id`,
 * `organization_id` and `modified_after`. A parameter that does not fit answers 400.
 */
export const GET: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	const parsed = hsdsServicesQuerySchema.safeParse(Object.fromEntries(event.url.searchParams));
	if (!parsed.success)
		return apiError(400, 'bad_request', {
			message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
		});
	const body = await hsdsServicesPage(services().db, parsed.data);
	return publicJson(event.request, body, 300);
};
