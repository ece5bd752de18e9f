import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizePath } from '$lib/i18n/locale';
import { parseForm } from '$lib/server/http/form';
import { requireCreative } from '$lib/server/http/gate';
import { clearSessionCookie } from '$lib/server/http/session-cookie';
import { eraseCreative } from '$lib/server/privacy/erase';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

const schema = z.object({ confirm: z.literal('ja', { message: 'portal.erase.confirmRequired' }) });

export const load: PageServerLoad = (event) => {
	requireCreative(event);
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const me = requireCreative(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, schema, locale);
		if (!parsed.ok) return parsed.failure;
		await eraseCreative(services(), me.id, { requestId });
		clearSessionCookie(event.cookies);
		redirect(303, localizePath(locale, '/portal/anmelden?hinweis=geloescht'));
	}
};
