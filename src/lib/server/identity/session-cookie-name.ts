/**
 * The one session cookie (staff and portal alike). Its name lives here, not in http/, so the
 * privacy notice (privacy/privacy-notice.ts) names the cookie the server really sets.
 * `__Host-` needs Secure and no Domain: the browser then binds the cookie to this exact origin.
 */
export function sessionCookieNameFor(cookieSecure: boolean): string {
	return cookieSecure ? '__Host-kl_session' : 'kl_session';
}
