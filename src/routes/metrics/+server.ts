import { error } from '@sveltejs/kit';
import { mayScrape, METRICS_CONTENT_TYPE, scrape } from '$lib/server/operations/scrape';
import { services } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** Prometheus text format; METRICS_TOKEN or a loopback client (operations/scrape.ts). */
export const GET: RequestHandler = async ({ request, getClientAddress }) => {
	const s = services();
	if (!mayScrape(s.config.metricsToken, request.headers.get('authorization'), getClientAddress()))
		error(404, 'Not found');
	return new Response(await scrape(s), {
		headers: { 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'no-store' }
	});
};
