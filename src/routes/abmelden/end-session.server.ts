import type { Cookies } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/http/session-cookie';
import { logout } from '$lib/server/identity/login';
import { logoutCreative } from '$lib/server/portal/login';
import { services } from '$lib/server/runtime';

/**
 * Signing out, shared by the staff and the portal sign-out: the session of whoever is signed in
 * (staff member or creative) ends with its audit row, and the cookie goes.
 */
export async function endSession(locals: App.Locals, cookies: Cookies): Promise<void> {
	const { actor, requestId } = locals;
	if (actor.kind === 'creative') {
		await logoutCreative(services(), { sessionHash: actor.sessionHash, creativeId: actor.id }, { requestId });
	} else if (actor.kind !== 'anonymous') {
		await logout(
			services(),
			{ sessionHash: actor.sessionHash, user: { id: actor.id, email: actor.email } },
			{ requestId }
		);
	}
	clearSessionCookie(cookies);
}
