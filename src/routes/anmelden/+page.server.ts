import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizePath } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/messages';
import { email } from '$lib/server/platform/form-fields';
import { fieldFailure, parseForm } from '$lib/server/http/form';
import { setSessionCookie } from '$lib/server/http/session-cookie';
import { login } from '$lib/server/identity/login';
import { PASSWORD_MAX_LENGTH } from '$lib/server/identity/password';
import { services } from '$lib/server/runtime';
import { throttledFailure } from '$lib/server/http/refusals';
import { loginNotice, nextPath, SECRET_FIELDS, signInPath } from './forms.server';
import type { Actions, PageServerLoad } from './$types';

const schema = z.object({ email: email(), password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });

export const load: PageServerLoad = (event) => {
	if (event.locals.actor.kind === 'staff') redirect(303, localizePath(event.locals.locale, nextPath(event)));
	return { notice: loginNotice(event.url.searchParams.get('hinweis')) };
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, request } = event;
		const parsed = await parseForm(request, schema, locals.locale, { secret: SECRET_FIELDS });
		if (!parsed.ok) return parsed.failure;
		const result = await login(
			services(),
			{
				...parsed.data,
				clientAddress: event.getClientAddress(),
				userAgent: request.headers.get('user-agent') ?? '',
				replacesSession: locals.actor.kind === 'anonymous' ? null : locals.actor.sessionHash
			},
			{ requestId: locals.requestId }
		);
		if (!result.ok && result.reason === 'throttled')
			return throttledFailure(event, result.retryAfterSeconds, 'identity.login.throttled', parsed.values);
		if (!result.ok)
			return fieldFailure(400, parsed.values, {}, translate(locals.locale, 'identity.login.invalid'));
		setSessionCookie(event.cookies, result.token, result.expiresAt);
		redirect(
			303,
			signInPath(event, result.next === 'totp' ? '/anmelden/zwei-faktor' : '/anmelden/einrichten')
		);
	}
};
