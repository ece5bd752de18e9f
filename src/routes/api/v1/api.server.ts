import { json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { bookingReferenceKeys } from '$lib/server/booking/calendar-queries';
import { countHit, throttleKey } from '$lib/server/identity/throttle';
import { services } from '$lib/server/runtime';
import { MINUTE } from '$lib/time/durations';

/**
 * Shared by the /api/v1 endpoints: JSON answers and the rate limit per client address. The
 * counter lives in the database (like every throttle), so all instances share one budget.
 */
export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
	return json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

export function apiError(status: number, error: string, extra: Record<string, unknown> = {}): Response {
	return apiJson({ error, ...extra }, status);
}

/** null when the request may proceed, else the 429 answer. */
export async function rateLimited(event: Pick<RequestEvent, 'getClientAddress'>): Promise<Response | null> {
	const { db, clock, config } = services();
	const decision = await countHit(
		db,
		throttleKey('api-address', event.getClientAddress()),
		{ limit: config.apiRateLimit, windowMs: MINUTE },
		clock.now()
	);
	if (decision.allowed) return null;
	return apiJson({ error: 'rate_limited' }, 429, { 'retry-after': String(decision.retryAfterSeconds) });
}

/**
 * The first steps of every public GET that takes a query: the rate limit, then the query string
 * read by its schema. A Response (429, or 400 naming each parameter that does not fit) or the
 * parsed query. `params` replaces the raw query where an endpoint reads it differently.
 */
export async function limitedQuery<S extends z.ZodType>(
	event: Pick<RequestEvent, 'getClientAddress' | 'url'>,
	schema: S,
	params: Record<string, string> = Object.fromEntries(event.url.searchParams)
): Promise<Response | z.output<S>> {
	const limited = await rateLimited(event);
	if (limited) return limited;
	const parsed = schema.safeParse(params);
	if (!parsed.success)
		return apiError(400, 'bad_request', {
			message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
		});
	return parsed.data;
}

/** The reference keys a booking may name (active entries only, as on the public form). */
export const apiReference = () => bookingReferenceKeys(services().db);

/**
 * The Idempotency-Key and the JSON body of a POST that creates something (a booking, a
 * registration), or the 400 that says which of them is missing.
 */
export async function creationRequest(
	request: Request,
	validKey: (key: string | null) => key is string
): Promise<Response | { key: string; body: unknown }> {
	const key = request.headers.get('idempotency-key');
	if (!validKey(key))
		return apiError(400, 'idempotency_key_required', {
			message: 'Idempotency-Key header required: 8 to 200 printable ASCII characters'
		});
	try {
		return { key, body: await request.json() };
	} catch {
		return apiError(400, 'malformed_json', { message: 'the body must be JSON' });
	}
}
