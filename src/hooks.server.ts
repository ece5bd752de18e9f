import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { localeFromPath } from '$lib/i18n/locale';
import { announce, boot } from '$lib/server/boot';
import { sessionCookieName } from '$lib/server/http/session-cookie';
import { BASELINE_CSP, securityHeaders } from '$lib/server/http/security-headers';
import { resolveSession } from '$lib/server/identity/sessions';
import { startBackgroundWork } from '$lib/server/background';
import { log } from '$lib/server/platform/logger';
import { httpDuration, httpRequests } from '$lib/server/platform/metrics';
import { oddRequest } from '$lib/server/http/odd-requests';
import { clearRunning, markRunning } from '$lib/server/operations/running-flag';
import { requestId } from '$lib/server/platform/tokens';
import { services, setServices } from '$lib/server/runtime';

export const init: ServerInit = async () => {
	const { services: s, demoLogins } = await boot();
	setServices(s);
	const background = startBackgroundWork(s);
	// `restore` refuses while this flag names a live process (operations/running-flag.ts).
	const sqlitePath = s.config.database.kind === 'sqlite' ? s.config.database.path : ':memory:';
	if (sqlitePath !== ':memory:') markRunning(sqlitePath);
	// Graceful shutdown (server.mjs, on SIGTERM): the HTTP server has stopped accepting and finished
	// its requests; now stop the timers, hand back claimed mails and close the database.
	(globalThis as Record<symbol, unknown>)[Symbol.for('kreativlotse.shutdown')] = async () => {
		await background.stop();
		await s.close();
		if (sqlitePath !== ':memory:') clearRunning(sqlitePath);
	};
	// server.mjs answers GET /healthz with this, without entering SvelteKit (same body as the route).
	const liveness = JSON.stringify({ status: 'ok', database: s.dialect });
	(globalThis as Record<symbol, unknown>)[Symbol.for('kreativlotse.liveness')] = () => liveness;
	announce(s, demoLogins);
};

// Probes and scrapes would drown the request log; they are logged at debug level only.
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId = requestId();
	let response: Response | undefined;
	try {
		response = oddRequest(event.request.method, event.url) ?? (await answer({ event, resolve }));
		return response;
	} finally {
		const route = event.route.id ?? 'unmatched';
		const status = response?.status ?? 500;
		const seconds = (performance.now() - started) / 1000;
		httpRequests.inc({ route, method: event.request.method, status });
		httpDuration.observe({ route, method: event.request.method }, seconds);
		// Route id, never the path: paths carry tokens (/rueckmeldung/<token>) and ids.
		const line = {
			requestId: event.locals.requestId,
			method: event.request.method,
			route,
			status,
			ms: Math.round(seconds * 1000)
		};
		if (QUIET_ROUTES.has(route)) log.debug('request', line);
		else log.info('request', line);
	}
};

const answer: Handle = async ({ event, resolve }) => {
	const { config, db, clock } = services();
	event.locals.locale = localeFromPath(event.url.pathname);
	// Probes and scrapers carry no session: no session lookup on their path.
	event.locals.actor = QUIET_ROUTES.has(event.route.id ?? '')
		? { kind: 'anonymous' }
		: await resolveSession(
				db,
				event.cookies.get(sessionCookieName()),
				{ idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
				clock.now()
			);
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
	for (const [name, value] of Object.entries(securityHeaders(config.production))) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	if (!response.headers.has('content-security-policy'))
		response.headers.set('content-security-policy', BASELINE_CSP);
	response.headers.set('x-request-id', event.locals.requestId);
	// Personal pages must not sit in shared caches or the back/forward cache of a shared computer.
	if (event.locals.actor.kind !== 'anonymous') response.headers.set('cache-control', 'no-store');
	return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	const id = event.locals.requestId ?? requestId();
	if (status !== 404) {
		log.error('unhandled error', {
			requestId: id,
			path: event.url.pathname,
			status,
			error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
			stack: error instanceof Error ? error.stack : undefined
		});
	}
	// Never the message of an unexpected error: it may contain SQL or file paths.
	return { message: 'internal', requestId: id };
};
