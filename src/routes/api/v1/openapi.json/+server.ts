import { servedOpenApiDocument } from '$lib/server/http/openapi-document';
import { services } from '$lib/server/runtime';
import { apiJson, rateLimited } from '../api.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	return apiJson(servedOpenApiDocument(services().config.apiDataLicense), 200, {
		'cache-control': 'public, max-age=3600'
	});
};
