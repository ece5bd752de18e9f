import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizePath } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/messages';
import { parseForm } from '$lib/server/http/form';
import { minutesToWait } from '$lib/server/identity/throttle-rules';
import { email } from '$lib/server/platform/form-fields';
import { requestPortalLink } from '$lib/server/portal/login';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

const schema = z.object({ email: email() });

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor.kind === 'creative') redirect(303, localizePath(locals.locale, '/portal'));
	const hint = url.searchParams.get('hinweis');
	return { notice: hint === 'abgemeldet' ? 'loggedOut' : hint === 'geloescht' ? 'erased' : null };
};

export const actions: Actions = {
	default: async (event) => {
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, schema, locale);
		if (!parsed.ok) return parsed.failure;
		const r = await requestPortalLink(
			services(),
			{ email: parsed.data.email, clientAddress: event.getClientAddress(), locale },
			{ requestId }
		);
		if (!r.ok) {
			event.setHeaders({ 'retry-after': String(r.retryAfterSeconds) });
			const message = translate(locale, 'portal.login.throttled', {
				minutes: minutesToWait(r.retryAfterSeconds)
			});
			return fail(429, { values: parsed.values, errors: {} as Record<string, string>, message });
		}
		// The same answer for every address: whether bookings exist stays unknown.
		return { sent: true };
	}
};
