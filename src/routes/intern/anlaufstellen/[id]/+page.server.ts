import { error, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { contactPointProblems } from '$lib/server/directory/checks';
import { markVerified, updateContactPoint } from '$lib/server/directory/commands';
import { getContactPoint } from '$lib/server/directory/queries';
import { contactPointSchema, MULTI_FIELDS } from '$lib/server/directory/schema';
import { fieldFailure, parseForm, validFields, withRuleErrors } from '$lib/server/http/form';
import { contactPointOutcomes } from '$lib/server/referrals/queries';
import { services } from '$lib/server/runtime';
import { directoryAccess, formChoices, idParam, problemErrors, requireEditor } from '../support.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { canEdit } = directoryAccess(event);
	const entry = await getContactPoint(services().db, idParam(event.params.id));
	if (!entry) error(404, { message: 'not found' });
	const q = event.url.searchParams;
	// "Did it help?" across all referrals to this entry (issue 4, item 10); hidden below 5 answers.
	const outcome = (await contactPointOutcomes(services().db, [entry.serviceId])).get(entry.serviceId)!;
	return {
		entry,
		outcome,
		canEdit,
		choices: await formChoices(event.locals.locale),
		saved: q.has('gespeichert'),
		verified: q.has('geprueft'),
		created: q.has('angelegt')
	};
};

const actor = (staff: { id: number; email: string }) => ({
	kind: 'staff' as const,
	id: staff.id,
	label: staff.email
});

export const actions: Actions = {
	save: async (event) => {
		const { staff } = requireEditor(event);
		const { locale, requestId } = event.locals;
		const id = idParam(event.params.id);
		const parsed = await parseForm(event.request, contactPointSchema, locale, { multi: MULTI_FIELDS });
		if (!parsed.ok) {
			// An unknown topic or sub-market is reported with the other errors (issue 16).
			const { topics, submarkets } = validFields(contactPointSchema.shape, parsed.input);
			const problems = await contactPointProblems(services().db, { topics, submarkets });
			return withRuleErrors(parsed.failure, problemErrors(problems, locale));
		}
		const result = await updateContactPoint(services(), actor(staff), id, parsed.data, { requestId });
		if (!result.ok) {
			if (result.notFound) error(404, { message: 'not found' });
			return fieldFailure(400, parsed.values, problemErrors(result.problems, locale));
		}
		redirect(303, localizePath(locale, `/intern/anlaufstellen/${id}?gespeichert=1`));
	},
	verify: async (event) => {
		const { staff } = requireEditor(event);
		const { locale, requestId } = event.locals;
		const id = idParam(event.params.id);
		const result = await markVerified(services(), actor(staff), id, { requestId });
		if (!result.ok) error(404, { message: 'not found' });
		redirect(303, localizePath(locale, `/intern/anlaufstellen/${id}?geprueft=1`));
	}
};
