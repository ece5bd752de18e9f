import { publicJson } from '$lib/server/http/conditional-response';
import { openApiDocument } from '$lib/server/http/openapi-document';
import { rateLimited } from '../api.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	return publicJson(event.request, openApiDocument, 3600);
};
