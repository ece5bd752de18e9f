import { services } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/**
 * Liveness: the process is up and answers. No database work (that is /readyz), so a restart is
 * only triggered by a wedged process, never by a database blip all instances share.
 */
export const GET: RequestHandler = () => {
	const { dialect } = services();
	return new Response(`{"status":"ok","database":"${dialect}"}`, {
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});
};
