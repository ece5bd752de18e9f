import { openApiDocument } from '$lib/server/booking/openapi';
import { apiJson } from '../api.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () =>
	apiJson(openApiDocument, 200, { 'cache-control': 'public, max-age=3600' });
