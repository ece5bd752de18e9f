import { PASSWORD_MIN_LENGTH } from '$lib/server/identity/password';
import { completePasswordReset, inspectResetToken } from '$lib/server/identity/password-reset';
import { services } from '$lib/server/runtime';
import { tokenPasswordAction } from '../../token-password.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const link = await inspectResetToken(services(), params.token);
	return link.ok
		? { problem: null, email: link.email, minLength: PASSWORD_MIN_LENGTH }
		: { problem: link.reason, email: '', minLength: PASSWORD_MIN_LENGTH };
};

export const actions: Actions = {
	default: tokenPasswordAction(completePasswordReset, 'passwort-geaendert')
};
