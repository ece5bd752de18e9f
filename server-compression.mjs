// Issue 14: pages and JSON go out gzip- or brotli-compressed when the client accepts it. Used by server.mjs
// (and its test, src/lib/server/http/compression.test.ts). The middleware picks the encoding by
// Accept-Encoding, adds `Vary: Accept-Encoding` and leaves bodies under 1 KB alone. Static assets come
// precompressed from adapter-node (Content-Encoding already set: passed through); images are not
// compressible types. Server-sent events are left alone: the middleware would hold events back in its buffer.
// @ts-expect-error -- the package ships no types; its use here is two calls.
import compression from 'compression';

/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
function worthCompressing(req, res) {
	if (String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')) return false;
	return compression.filter(req, res);
}

/** @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void} */
export function compressResponses() {
	return compression({ filter: worthCompressing });
}
