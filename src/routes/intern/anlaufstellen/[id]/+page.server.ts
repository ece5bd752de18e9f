import { contactPointProblems } from '$lib/server/directory/checks';
import { markVerified, updateContactPoint } from '$lib/server/directory/commands';
import { contactPointSchema, MULTI_FIELDS } from '$lib/server/directory/schema';
import { fieldFailure, parseForm, validFields, withRuleErrors } from '$lib/server/http/form';
import { notFound, seeOther } from '$lib/server/http/route-answers';
import { staffActor } from '$lib/server/identity/index';
import { contactPointPage } from '$lib/server/referrals/queries';
import { services } from '$lib/server/runtime';
import { directoryAccess, formChoices, idParam, problemErrors, requireEditor } from '../support.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { canEdit } = directoryAccess(event);
	const page = (await contactPointPage(services().db, idParam(event.params.id))) ?? notFound();
	const q = event.url.searchParams;
	return {
		...page,
		canEdit,
		choices: await formChoices(event.locals.locale),
		saved: q.has('gespeichert'),
		verified: q.has('geprueft'),
		created: q.has('angelegt')
	};
};

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
		const result = await updateContactPoint(services(), staffActor(staff), id, parsed.data, { requestId });
		if (!result.ok && result.notFound) notFound();
		if (!result.ok) return fieldFailure(400, parsed.values, problemErrors(result.problems, locale));
		seeOther(event, `/intern/anlaufstellen/${id}?gespeichert=1`);
	},
	verify: async (event) => {
		const { staff } = requireEditor(event);
		const id = idParam(event.params.id);
		const result = await markVerified(services(), staffActor(staff), id, {
			requestId: event.locals.requestId
		});
		if (!result.ok) notFound();
		seeOther(event, `/intern/anlaufstellen/${id}?geprueft=1`);
	}
};
