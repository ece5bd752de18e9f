import type { Cookies } from '@sveltejs/kit';
import { services } from '../runtime';

/** `__Host-` needs Secure and no Domain: the browser then binds the cookie to this exact origin. */
export function sessionCookieName(): string {
	return services().config.cookieSecure ? '__Host-kl_session' : 'kl_session';
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
