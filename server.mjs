// Production entry: `node server.mjs`. Wraps the adapter-node handler so that every response,
// static assets included (served before SvelteKit's hooks run), carries the security headers.
import { createServer } from 'node:http';
import v8 from 'node:v8';
import { compressResponses } from './server-compression.mjs';

const production = process.env.NODE_ENV === 'production';
const baseline = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
	// Pages replace this with Kit's nonce-based policy (the hook's headers win in writeHead).
	'content-security-policy':
		"default-src 'none'; img-src 'self' data:; style-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
	...(production ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {})
};

// adapter-node reads BODY_SIZE_LIMIT when the handler is imported; its default (512 KB) cut uploads off.
// The largest uploads are a 20 MB profile image (visibility/image.ts IMAGE_MAX_BYTES, issue 11) and a message
// attachment of ATTACHMENT_MAX_MB (issue 18); 5 MB more leaves room for the other fields and the multipart
// framing. A larger body is refused unread with 413, and the forms turn that into "larger than N MB".
const DEFAULT_BODY_SIZE_LIMIT = '25M';
const attachmentMb = Number(process.env.ATTACHMENT_MAX_MB || 10);
process.env.BODY_SIZE_LIMIT ||= attachmentMb > 20 ? `${attachmentMb + 5}M` : DEFAULT_BODY_SIZE_LIMIT;

// Issue 14, memory: V8 lets the old generation grow far past what is live before it collects it
// (after 1,000 mixed requests: 33 MB live in a 110 MB heap, 250 MB RSS). Favouring size keeps the
// heap near what is live. The lean mode's two other settings are read at process start, so they come
// from the environment (scripts/launch-env.mjs for `npm start`, the systemd unit, the Containerfile).
// All three together: RSS 116–130 MB instead of 233–259 MB (docs/operations.md, "Memory").
// HEAP_MODE=fast keeps V8's default for a machine with memory to spare.
// Set before the app is imported, so every allocation of the app runs under it.
const heapMode = process.env.HEAP_MODE || 'lean';
if (heapMode !== 'lean' && heapMode !== 'fast') {
	console.error(`HEAP_MODE must be "lean" or "fast", not "${heapMode}"`);
	process.exit(1);
}
if (heapMode === 'lean') v8.setFlagsFromString('--optimize-for-size');

const { handler } = await import('./build/handler.js');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

// The Fetch API cannot even represent these methods (adapter-node would answer 400); TRACE echoes
// request headers back (cross-site tracing). Refused here with 405, as RFC 9110 asks.
const refusedMethods = new Set(['TRACE', 'TRACK', 'CONNECT']);

// Issue 14: HTML and JSON compressed when the client accepts it (server-compression.mjs).
const compress = compressResponses();

const server = createServer((req, res) => compress(req, res, () => respond(req, res)));

function respond(req, res) {
	for (const [name, value] of Object.entries(baseline)) res.setHeader(name, value);
	// Liveness answered here, before SvelteKit's request pipeline: a probe every few seconds should
	// cost next to nothing (bench: healthz). The app registers the answer once its init has run
	// (hooks.server.ts); until then the request falls through to the /healthz route.
	if (req.url === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
		const live = globalThis[Symbol.for('kreativlotse.liveness')];
		if (typeof live === 'function') {
			res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
			res.end(req.method === 'HEAD' ? undefined : live());
			return;
		}
	}
	if (refusedMethods.has(req.method)) {
		res.writeHead(405, {
			allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
			'content-type': 'text/plain'
		});
		res.end('Method Not Allowed');
		return;
	}
	handler(req, res, () => {
		res.statusCode = 404;
		res.setHeader('content-type', 'text/plain; charset=utf-8');
		res.end('Not found');
	});
}
server.listen(port, host);

// Graceful shutdown: stop accepting, let in-flight requests finish (idle keep-alive connections
// are closed at once), then the app stops its timers, hands back claimed mails and closes the
// database (hooks.server.ts). A request that hangs longer than SHUTDOWN_TIMEOUT_MS is cut off.
const grace = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000);
let stopping = false;
async function stop(signal) {
	if (stopping) return;
	stopping = true;
	console.log(JSON.stringify({ level: 'info', t: new Date().toISOString(), msg: 'shutting down', signal }));
	const force = setTimeout(() => {
		console.error(JSON.stringify({ level: 'error', t: new Date().toISOString(), msg: 'shutdown timed out' }));
		process.exit(1);
	}, grace);
	force.unref();
	await new Promise((done) => {
		server.close(done);
		server.closeIdleConnections();
	});
	const appShutdown = globalThis[Symbol.for('kreativlotse.shutdown')];
	if (typeof appShutdown === 'function') await appShutdown();
	process.exit(0);
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
