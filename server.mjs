// Production entry: `node server.mjs`. Wraps the adapter-node handler so that every response,
// static assets included (served before SvelteKit's hooks run), carries the security headers.
import { createServer } from 'node:http';

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

const { handler } = await import('./build/handler.js');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

const server = createServer((req, res) => {
	for (const [name, value] of Object.entries(baseline)) res.setHeader(name, value);
	handler(req, res, () => {
		res.statusCode = 404;
		res.setHeader('content-type', 'text/plain; charset=utf-8');
		res.end('Not found');
	});
});
server.listen(port, host);
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
