import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { fieldFailure, parseForm, validFields, withRuleErrors } from '$lib/server/http/form';
import { requireNetworkAdmin } from '$lib/server/http/gate';
import { entryKeyProblems } from '$lib/server/reference/checks';
import { createEntry, staffAuditActor } from '$lib/server/reference/commands';
import { listEntries } from '$lib/server/reference/queries';
import { entryCreateSchema } from '$lib/server/reference/schema';
import { services } from '$lib/server/runtime';
import { kindOf, problemErrors } from '../support.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireNetworkAdmin(event);
	const kind = kindOf(event.params.liste);
	const entries = await listEntries(services().db, kind, event.locals.locale);
	return {
		kind,
		slug: event.params.liste,
		entries,
		nextSort: Math.max(-1, ...entries.map((e) => e.sort)) + 1,
		saved: event.url.searchParams.has('gespeichert'),
		created: event.url.searchParams.has('angelegt')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { staff } = await requireNetworkAdmin(event);
		const kind = kindOf(event.params.liste);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, entryCreateSchema, locale);
		if (!parsed.ok) {
			// A used key is reported with the other errors (issue 16).
			const { key } = validFields(entryCreateSchema.shape, parsed.input);
			const problems = key === undefined ? [] : await entryKeyProblems(services().db, kind, key);
			return withRuleErrors(parsed.failure, problemErrors(problems, locale));
		}
		const result = await createEntry(services(), staffAuditActor(staff), kind, parsed.data, { requestId });
		if (!result.ok) return fieldFailure(400, parsed.values, problemErrors(result.problems, locale));
		redirect(303, localizePath(locale, `/intern/admin/stammdaten/${event.params.liste}?angelegt=1`));
	}
};
