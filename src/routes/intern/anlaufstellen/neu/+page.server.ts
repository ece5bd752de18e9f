import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { contactPointProblems } from '$lib/server/directory/checks';
import { createContactPoint } from '$lib/server/directory/commands';
import { contactPointCreateSchema, MULTI_FIELDS } from '$lib/server/directory/schema';
import { fieldFailure, parseForm, validFields, withRuleErrors } from '$lib/server/http/form';
import { services } from '$lib/server/runtime';
import { formChoices, problemErrors, requireEditor } from '../support.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireEditor(event);
	return { choices: await formChoices(event.locals.locale) };
};

export const actions: Actions = {
	default: async (event) => {
		const { staff } = requireEditor(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, contactPointCreateSchema, locale, { multi: MULTI_FIELDS });
		if (!parsed.ok) {
			// A used key (or an unknown term) is reported with the other errors (issue 16).
			const valid = validFields(contactPointCreateSchema.shape, parsed.input);
			const problems = await contactPointProblems(services().db, valid);
			return withRuleErrors(parsed.failure, problemErrors(problems, locale));
		}
		const result = await createContactPoint(
			services(),
			{ kind: 'staff', id: staff.id, label: staff.email },
			parsed.data,
			{ requestId }
		);
		if (!result.ok) return fieldFailure(400, parsed.values, problemErrors(result.problems, locale));
		redirect(303, localizePath(locale, `/intern/anlaufstellen/${result.value.id}?angelegt=1`));
	}
};
