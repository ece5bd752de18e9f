import type { Cookies } from '@sveltejs/kit';
import { sessionCookieNameFor } from '../identity/index';
import { services } from '../runtime';

export function sessionCookieName(): string {
	return sessionCookieNameFor(services().config.cookieSecure);
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: number): void {
	cookies.set(sessionCookieName(), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: services().config.cookieSecure,
		expires: new Date(expiresAt)
	});
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(sessionCookieName(), { path: '/', secure: services().config.cookieSecure });
}
