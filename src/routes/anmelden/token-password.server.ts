import { type RequestEvent, redirect } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n/locale';
import { localizePath } from '$lib/i18n/locale';
import { parseForm } from '$lib/server/http/form';
import type { RequestContext } from '$lib/server/identity/index';
import { type Services, services } from '$lib/server/runtime';
import { newPasswordSchema, SECRET_FIELDS } from './forms.server';

/** What the invitation and the reset command take: the link's token and the new password. */
export type SetPasswordFromLink = (
	services: Services,
	input: { token: string; password: string; locale: Locale },
	ctx: RequestContext
) => Promise<{ ok: boolean }>;

/**
 * The form action of a page a password link opens (invitation, reset): the new password checked,
 * the command, then the sign-in page with `hinweis` as its notice. A link that died meanwhile
 * goes back to the page (GET), which then says why.
 */
export function tokenPasswordAction(setPassword: SetPasswordFromLink, hinweis: string) {
	return async ({ request, params, locals, url }: RequestEvent<{ token: string }>) => {
		const parsed = await parseForm(request, newPasswordSchema, locals.locale, { secret: SECRET_FIELDS });
		if (!parsed.ok) return parsed.failure;
		const input = { token: params.token, password: parsed.data.password, locale: locals.locale };
		const r = await setPassword(services(), input, { requestId: locals.requestId });
		if (!r.ok) redirect(303, url.pathname);
		redirect(303, localizePath(locals.locale, `/anmelden?hinweis=${hinweis}`));
	};
}
