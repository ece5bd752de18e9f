import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { setSessionCookie } from '$lib/server/http/session-cookie';
import { completePortalLogin, inspectPortalLink } from '$lib/server/portal/login';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

/** GET only shows a button (mail scanners open links); the POST signs in. */
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const { db, clock } = services();
	const link = await inspectPortalLink(db, params.token, clock.now());
	return { problem: link.ok ? null : link.reason };
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, params, cookies, url, request } = event;
		const r = await completePortalLogin(
			services(),
			{
				token: params.token,
				clientAddress: event.getClientAddress(),
				userAgent: request.headers.get('user-agent') ?? '',
				replacesSession: locals.actor.kind === 'anonymous' ? null : locals.actor.sessionHash
			},
			{ requestId: locals.requestId }
		);
		// A link that died meanwhile: the page (GET) then says why.
		if (!r.ok) redirect(303, url.pathname);
		setSessionCookie(cookies, r.token, r.expiresAt);
		redirect(303, localizePath(locals.locale, '/portal'));
	}
};
