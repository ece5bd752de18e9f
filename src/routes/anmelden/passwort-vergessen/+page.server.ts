import { linkRequestAction } from '$lib/server/http/link-request';
import { requestPasswordReset } from '$lib/server/identity/password-reset';
import type { Actions } from './$types';

export const actions: Actions = {
	default: linkRequestAction(requestPasswordReset, 'identity.forgot.throttled')
};
