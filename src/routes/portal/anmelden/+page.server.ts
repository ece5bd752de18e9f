import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { linkRequestAction } from '$lib/server/http/link-request';
import { requestPortalLink } from '$lib/server/portal/login';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor.kind === 'creative') redirect(303, localizePath(locals.locale, '/portal'));
	const hint = url.searchParams.get('hinweis');
	return { notice: hint === 'abgemeldet' ? 'loggedOut' : hint === 'geloescht' ? 'erased' : null };
};

export const actions: Actions = {
	default: linkRequestAction(requestPortalLink, 'portal.login.throttled')
};
