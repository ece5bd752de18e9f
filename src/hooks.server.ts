import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { localeFromPath } from '$lib/i18n/locale';
import { announce, boot } from '$lib/server/boot';
import { sessionCookieName } from '$lib/server/http/session-cookie';
import { BASELINE_CSP, securityHeaders } from '$lib/server/http/security-headers';
import { resolveSession } from '$lib/server/identity/sessions';
import { startBackgroundWork } from '$lib/server/background';
import { log } from '$lib/server/platform/logger';
import { requestId } from '$lib/server/platform/tokens';
import { services, setServices } from '$lib/server/runtime';

export const init: ServerInit = async () => {
	const { services: s, demoLogins } = await boot();
	setServices(s);
	startBackgroundWork(s);
	announce(s, demoLogins);
};

export const handle: Handle = async ({ event, resolve }) => {
	const { config, db, clock } = services();
	event.locals.requestId = requestId();
	event.locals.locale = localeFromPath(event.url.pathname);
	event.locals.actor = await resolveSession(
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
