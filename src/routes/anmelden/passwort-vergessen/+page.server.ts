import { z } from 'zod';
import { email } from '$lib/server/platform/form-fields';
import { parseForm } from '$lib/server/http/form';
import { requestPasswordReset } from '$lib/server/identity/password-reset';
import { services } from '$lib/server/runtime';
import { throttled } from '../forms.server';
import type { Actions } from './$types';

const schema = z.object({ email: email() });

export const actions: Actions = {
	default: async (event) => {
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, schema, locale);
		if (!parsed.ok) return parsed.failure;
		const r = await requestPasswordReset(
			services(),
			{ email: parsed.data.email, clientAddress: event.getClientAddress(), locale },
			{ requestId }
		);
		if (!r.ok) return throttled(event, parsed.values, r.retryAfterSeconds, 'identity.forgot.throttled');
		// The same answer for every address: whether an account exists stays unknown.
		return { sent: true };
	}
};
