import { error, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { fieldFailure, parseForm, validFields, withRuleErrors } from '$lib/server/http/form';
import { requireNetworkAdmin } from '$lib/server/http/gate';
import { officeProblems } from '$lib/server/reference/checks';
import { staffAuditActor, updateOffice } from '$lib/server/reference/commands';
import { getOfficeById, listLaender } from '$lib/server/reference/queries';
import { officeSchema } from '$lib/server/reference/schema';
import { services } from '$lib/server/runtime';
import { idParam, problemErrors } from '../../support.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireNetworkAdmin(event);
	const { db } = services();
	const office = await getOfficeById(db, idParam(event.params.id));
	if (!office) error(404, { message: 'not found' });
	return {
		office,
		laender: (await listLaender(db)).map((l) => l.iso),
		saved: event.url.searchParams.has('gespeichert'),
		created: event.url.searchParams.has('angelegt')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { staff } = await requireNetworkAdmin(event);
		const { locale, requestId } = event.locals;
		const id = idParam(event.params.id);
		const parsed = await parseForm(event.request, officeSchema, locale, { multi: ['laender'] });
		if (!parsed.ok) {
			// A Land already covered is reported with the other errors (issue 16).
			const valid = validFields(officeSchema.shape, parsed.input);
			const problems = await officeProblems(services().db, { id, ...valid });
			return withRuleErrors(parsed.failure, problemErrors(problems, locale));
		}
		const result = await updateOffice(services(), staffAuditActor(staff), id, parsed.data, { requestId });
		if (!result.ok) {
			if (result.notFound) error(404, { message: 'not found' });
			return fieldFailure(400, parsed.values, problemErrors(result.problems, locale));
		}
		redirect(303, localizePath(locale, `/intern/admin/stammdaten/bueros/${id}?gespeichert=1`));
	}
};
