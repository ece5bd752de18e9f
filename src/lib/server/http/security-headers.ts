/**
 * Headers for every response. Pages get Kit's nonce-based CSP (vite.config.ts); every other
 * response (endpoints, errors, assets through server.mjs) gets the strict baseline below.
 */
export const BASELINE_CSP =
	"default-src 'none'; img-src 'self' data:; style-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

export function securityHeaders(production: boolean): Record<string, string> {
	const headers: Record<string, string> = {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
		'x-frame-options': 'DENY',
		'cross-origin-opener-policy': 'same-origin',
		'cross-origin-resource-policy': 'same-origin',
		'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()'
	};
	if (production) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
	return headers;
}
