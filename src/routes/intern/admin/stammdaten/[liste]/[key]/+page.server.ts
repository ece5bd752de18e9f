import { error, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { fieldFailure, parseForm } from '$lib/server/http/form';
import { requireNetworkAdmin } from '$lib/server/http/gate';
import { staffAuditActor, updateEntry } from '$lib/server/reference/commands';
import { getEntry } from '$lib/server/reference/queries';
import { entrySchema } from '$lib/server/reference/schema';
import { services } from '$lib/server/runtime';
import { kindOf, problemErrors } from '../../support.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireNetworkAdmin(event);
	const kind = kindOf(event.params.liste);
	const entry = await getEntry(services().db, kind, event.params.key, event.locals.locale);
	if (!entry) error(404, { message: 'not found' });
	return { kind, slug: event.params.liste, entry };
};

export const actions: Actions = {
	default: async (event) => {
		const { staff } = await requireNetworkAdmin(event);
		const kind = kindOf(event.params.liste);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, entrySchema, locale);
		if (!parsed.ok) return parsed.failure;
		const result = await updateEntry(
			services(),
			staffAuditActor(staff),
			kind,
			event.params.key,
			parsed.data,
			{
				requestId
			}
		);
		if (!result.ok) {
			if (result.notFound) error(404, { message: 'not found' });
			return fieldFailure(400, parsed.values, problemErrors(result.problems, locale));
		}
		redirect(303, localizePath(locale, `/intern/admin/stammdaten/${event.params.liste}?gespeichert=1`));
	}
};
