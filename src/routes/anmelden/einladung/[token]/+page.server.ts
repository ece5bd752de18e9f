import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { parseForm } from '$lib/server/http/form';
import { acceptInvite, inspectInvite } from '$lib/server/identity/invitations';
import { PASSWORD_MIN_LENGTH } from '$lib/server/identity/password';
import { services } from '$lib/server/runtime';
import { newPasswordSchema, SECRET_FIELDS } from '../../forms.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const invite = await inspectInvite(services(), params.token);
	return invite.ok
		? { problem: null, name: invite.name, email: invite.email, minLength: PASSWORD_MIN_LENGTH }
		: { problem: invite.reason, name: '', email: '', minLength: PASSWORD_MIN_LENGTH };
};

export const actions: Actions = {
	default: async ({ request, params, locals, url }) => {
		const parsed = await parseForm(request, newPasswordSchema, locals.locale, { secret: SECRET_FIELDS });
		if (!parsed.ok) return parsed.failure;
		const r = await acceptInvite(
			services(),
			{ token: params.token, password: parsed.data.password },
			{ requestId: locals.requestId }
		);
		if (!r.ok) redirect(303, url.pathname);
		redirect(303, localizePath(locals.locale, '/anmelden?hinweis=einladung'));
	}
};
