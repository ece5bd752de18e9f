import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { parseForm } from '$lib/server/http/form';
import { PASSWORD_MIN_LENGTH } from '$lib/server/identity/password';
import { completePasswordReset, inspectResetToken } from '$lib/server/identity/password-reset';
import { services } from '$lib/server/runtime';
import { newPasswordSchema, SECRET_FIELDS } from '../../forms.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const link = await inspectResetToken(services(), params.token);
	return link.ok
		? { problem: null, email: link.email, minLength: PASSWORD_MIN_LENGTH }
		: { problem: link.reason, email: '', minLength: PASSWORD_MIN_LENGTH };
};

export const actions: Actions = {
	default: async ({ request, params, locals, url }) => {
		const parsed = await parseForm(request, newPasswordSchema, locals.locale, { secret: SECRET_FIELDS });
		if (!parsed.ok) return parsed.failure;
		const r = await completePasswordReset(
			services(),
			{ token: params.token, password: parsed.data.password, locale: locals.locale },
			{ requestId: locals.requestId }
		);
		// A link that died meanwhile: the page (GET) then says why.
		if (!r.ok) redirect(303, url.pathname);
		redirect(303, localizePath(locals.locale, '/anmelden?hinweis=passwort-geaendert'));
	}
};
