import { createHash } from 'node:crypto';

/**
 * Issue 14: public JSON and feeds are cached by browsers, proxies and feed readers. Each answer
 * carries a weak ETag over its body (weak: the compression in server.mjs changes the bytes, not the
 * meaning), and a client that already holds that version gets 304 without a body. Personal and
 * staff answers never come through here: they stay `private, no-store`.
 */
export function weakEtag(text: string): string {
	return `W/"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
}

/** RFC 9110 13.1.2: If-None-Match compares weakly; `*` matches any current representation. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
	if (!header) return false;
	if (header.trim() === '*') return true;
	const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
	return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

export interface ConditionalOptions {
	contentType: string;
	/** Seconds shared caches and browsers may reuse the answer without asking. */
	maxAge: number;
	/** The text the ETag is taken from when the body has parts that change on every request (DTSTAMP). */
	versionText?: string;
	/** More headers for both the 200 and the 304 answer (a paged list's `Link`). */
	headers?: Record<string, string>;
}

export function conditionalResponse(request: Request, body: string, options: ConditionalOptions): Response {
	const etag = weakEtag(options.versionText ?? body);
	const headers = { ...options.headers, etag, 'cache-control': `public, max-age=${options.maxAge}` };
	if (
		(request.method === 'GET' || request.method === 'HEAD') &&
		matchesIfNoneMatch(request.headers.get('if-none-match'), etag)
	) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(body, { status: 200, headers: { ...headers, 'content-type': options.contentType } });
}

/** A public JSON answer (api/v1 lists, HSDS, the OpenAPI document). */
export function publicJson(
	request: Request,
	value: unknown,
	maxAge: number,
	headers: Record<string, string> = {}
): Response {
	return conditionalResponse(request, JSON.stringify(value), {
		contentType: 'application/json',
		maxAge,
		headers
	});
}
