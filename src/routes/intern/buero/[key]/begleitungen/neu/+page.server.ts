import { fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n/messages';
import { openCaseByStaff } from '$lib/server/cases/case-commands';
import { openCaseSchema } from '$lib/server/cases/case-schemas';
import { caseChoiceKeys } from '$lib/server/cases/choice-queries';
import { openCasePage } from '$lib/server/cases/page-queries';
import { formAction } from '$lib/server/http/form-action';
import { services } from '$lib/server/runtime';
import { calendarAccess } from '../../kalender/access.server';
import { named } from '../case-actions.server';
import type { Actions, PageServerLoad } from './$types';

/** Open a case for someone who called or e-mailed without booking (issue 4, item 1). */
export const load: PageServerLoad = async (event) => {
	const { office, viewer } = await calendarAccess(event);
	const page = await openCasePage(services().db, viewer, office.id, event.locals.locale);
	return {
		office: { key: office.key, name: office.name, laender: office.laender },
		viewerId: viewer.id,
		...page
	};
};

export const actions: Actions = {
	default: async (event) => {
		const access = await calendarAccess(event);
		const base = `/intern/buero/${access.office.key}/begleitungen`;
		// The form accepts the entries it offers: the active ones.
		const choices = await caseChoiceKeys(services().db, event.locals.locale, { activeOnly: true });
		return formAction({
			access: async () => access,
			schema: openCaseSchema(choices),
			fields: { multi: ['topics'] },
			invalid: named('open'),
			run: ({ access: { office, viewer, scope }, data, event: { locals } }) =>
				openCaseByStaff(
					services(),
					viewer,
					scope,
					{ officeId: office.id, ...data },
					{ requestId: locals.requestId }
				),
			refuse: (r, values, { locals: { locale } }) => {
				// The person has a case here already: the form links to it.
				if (r.reason === 'exists')
					return fail(409, {
						values,
						errors: { email: translate(locale, 'cases.error.exists') },
						existing: `${base}/${r.caseId}`
					});
				const field = r.reason === 'invalid_target' ? 'consultantId' : 'email';
				return fail(409, { values, errors: { [field]: translate(locale, `cases.error.${r.reason}`) } });
			},
			done: ({ result }) => `${base}/${result.caseId}?ok=opened`
		})(event);
	}
};
