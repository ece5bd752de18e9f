import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { fieldFailure, parseForm, validFields, withRuleErrors } from '$lib/server/http/form';
import { requireNetworkAdmin } from '$lib/server/http/gate';
import { officeProblems } from '$lib/server/reference/checks';
import { createOffice, staffAuditActor } from '$lib/server/reference/commands';
import { listLaender } from '$lib/server/reference/queries';
import { officeCreateSchema } from '$lib/server/reference/schema';
import { services } from '$lib/server/runtime';
import { problemErrors } from '../../support.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireNetworkAdmin(event);
	return { laender: (await listLaender(services().db)).map((l) => l.iso) };
};

export const actions: Actions = {
	default: async (event) => {
		const { staff } = await requireNetworkAdmin(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, officeCreateSchema, locale, { multi: ['laender'] });
		if (!parsed.ok) {
			// A used key or a Land already covered is reported with the other errors (issue 16).
			const valid = validFields(officeCreateSchema.shape, parsed.input);
			const problems = await officeProblems(services().db, { id: null, ...valid });
			return withRuleErrors(parsed.failure, problemErrors(problems, locale));
		}
		const result = await createOffice(services(), staffAuditActor(staff), parsed.data, { requestId });
		if (!result.ok) return fieldFailure(400, parsed.values, problemErrors(result.problems, locale));
		redirect(303, localizePath(locale, `/intern/admin/stammdaten/bueros/${result.value.id}?angelegt=1`));
	}
};
