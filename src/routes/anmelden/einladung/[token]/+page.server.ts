import { acceptInvite, inspectInvite } from '$lib/server/identity/invitations';
import { PASSWORD_MIN_LENGTH } from '$lib/server/identity/password';
import { services } from '$lib/server/runtime';
import { tokenPasswordAction } from '../../token-password.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const invite = await inspectInvite(services(), params.token);
	return invite.ok
		? { problem: null, name: invite.name, email: invite.email, minLength: PASSWORD_MIN_LENGTH }
		: { problem: invite.reason, name: '', email: '', minLength: PASSWORD_MIN_LENGTH };
};

export const actions: Actions = {
	default: tokenPasswordAction(acceptInvite, 'einladung')
};
