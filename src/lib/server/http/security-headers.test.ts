import { describe, expect, it } from 'vitest';
import { BASELINE_CSP, securityHeaders } from './security-headers';

describe('security headers', () => {
	it.each([
		[false, undefined],
		[true, 'max-age=31536000; includeSubDomains']
	])('production=%s -> HSTS %s', (production, hsts) => {
		const h = securityHeaders(production);
		expect(h['strict-transport-security']).toBe(hsts);
		expect(h['x-content-type-options']).toBe('nosniff');
		expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
	});
	it('baseline CSP forbids plugins, base changes and framing', () => {
		for (const part of [
			"default-src 'none'",
			"object-src 'none'",
			"base-uri 'none'",
			"frame-ancestors 'none'"
		]) {
			expect(BASELINE_CSP).toContain(part);
		}
	});
});
