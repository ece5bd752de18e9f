import { publicJson } from '$lib/server/http/conditional-response';
import { servedOpenApiDocument } from '$lib/server/http/openapi-document';
import { services } from '$lib/server/runtime';
import { rateLimited } from '../api.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	return publicJson(event.request, servedOpenApiDocument(services().config.apiDataLicense), 3600);
};
