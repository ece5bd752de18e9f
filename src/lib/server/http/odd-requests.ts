/**
 * Request shapes SvelteKit would answer with a 500 (and a stack trace in the log) although the
 * client is at fault, answered here with a 4xx before routing. A form action named "default"
 * (`POST /page?/default`): Kit reserves the name and throws a plain Error → 400 instead.
 * (TRACE, TRACK and CONNECT never reach SvelteKit: server.mjs answers them with 405.)
 */
export function oddRequest(method: string, url: URL): Response | null {
	if (method !== 'POST') return null;
	for (const [key] of url.searchParams) {
		if (!key.startsWith('/')) continue;
		if (key === '/default') {
			return new Response('Bad Request: reserved action name', {
				status: 400,
				headers: { 'content-type': 'text/plain; charset=utf-8' }
			});
		}
		break;
	}
	return null;
}
