import { HSDS_MAX_PER_PAGE, hsdsServicesPage } from '$lib/server/directory/hsds';
import { services } from '$lib/server/runtime';
import { apiError, apiJson, rateLimited } from '../../api.server';
import type { RequestHandler } from './$types';

/**
 * The directory as the Open Referral HSDS 3 API's `/services` response: a page of active
 * services with nested organization, service_areas and attributes. `page` (from 1) and
 * `per_page` (1–200, default 50) as in the HSDS API; anything else answers 400.
 */
export const GET: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	const params = event.url.searchParams;
	const page = params.get('page') ?? '1';
	const perPage = params.get('per_page') ?? '50';
	if (!/^\d{1,6}$/.test(page) || Number(page) < 1)
		return apiError(400, 'bad_request', { message: 'page must be 1 or more' });
	if (!/^\d{1,3}$/.test(perPage) || Number(perPage) < 1 || Number(perPage) > HSDS_MAX_PER_PAGE)
		return apiError(400, 'bad_request', { message: `per_page must be 1 to ${HSDS_MAX_PER_PAGE}` });
	const body = await hsdsServicesPage(services().db, { page: Number(page), perPage: Number(perPage) });
	return apiJson(body, 200, { 'cache-control': 'public, max-age=300' });
};
