import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { localizePath } from '$lib/i18n/locale';
import type { MessageKey } from '$lib/i18n/messages';
import { safeNextPath } from '$lib/server/identity/login-rules';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '$lib/server/identity/password';

/** Shared by the sign-in, account and invitation pages: schemas, the `weiter` path and notices. */
export const SECRET_FIELDS = ['password', 'password_repeat', 'current_password', 'code', 'recovery_code'];

export const newPasswordSchema = z
	.object({
		password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
		password_repeat: z.string()
	})
	.refine((v) => v.password === v.password_repeat, {
		path: ['password_repeat'],
		message: 'identity.password.mismatch'
	});

/** Six digits; spaces (as some apps show "123 456") are dropped. */
export const totpCode = () =>
	z
		.string()
		.transform((v) => v.replace(/\s/g, ''))
		.pipe(z.string().regex(/^\d{6}$/, { message: 'identity.totp.format' }));

/** The `weiter` parameter of the current URL, checked (same-site paths only). */
export function nextPath(event: RequestEvent): string {
	return safeNextPath(event.url.searchParams.get('weiter'));
}

/** A sign-in page path that keeps `weiter`, localized for redirects. */
export function signInPath(event: RequestEvent, path: string, extra = ''): string {
	const next = nextPath(event);
	const query = [extra, next === '/intern' ? '' : `weiter=${encodeURIComponent(next)}`]
		.filter(Boolean)
		.join('&');
	return localizePath(event.locals.locale, query ? `${path}?${query}` : path);
}

/** `&weiter=…` for named-action URLs (`?/totp&weiter=…`), empty for the default target. */
export function actionSuffix(event: RequestEvent): string {
	const next = nextPath(event);
	return next === '/intern' ? '' : `&weiter=${encodeURIComponent(next)}`;
}

const notices: Record<string, MessageKey> = {
	'passwort-geaendert': 'identity.login.notice.passwordChanged',
	einladung: 'identity.login.notice.inviteAccepted',
	abgemeldet: 'identity.login.notice.loggedOut',
	abgelaufen: 'identity.login.notice.expired'
};

export function loginNotice(param: string | null): MessageKey | null {
	return (param && notices[param]) || null;
}
