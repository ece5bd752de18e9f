import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { clearSessionCookie } from '$lib/server/http/session-cookie';
import { logout } from '$lib/server/identity/login';
import { logoutCreative } from '$lib/server/portal/login';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

/** GET only shows a button: signing out changes state, so it happens on POST. */
export const load: PageServerLoad = ({ locals }) => ({ signedIn: locals.actor.kind !== 'anonymous' });

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		const { actor, locale, requestId } = locals;
		if (actor.kind === 'creative') {
			await logoutCreative(
				services(),
				{ sessionHash: actor.sessionHash, creativeId: actor.id },
				{ requestId }
			);
		} else if (actor.kind !== 'anonymous') {
			await logout(
				services(),
				{ sessionHash: actor.sessionHash, user: { id: actor.id, email: actor.email } },
				{ requestId }
			);
		}
		clearSessionCookie(cookies);
		redirect(303, localizePath(locale, '/anmelden?hinweis=abgemeldet'));
	}
};
