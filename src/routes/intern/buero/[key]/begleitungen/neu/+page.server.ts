import { fail, redirect } from '@sveltejs/kit';
import { localizePath, type Locale } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/messages';
import { openCaseByStaff } from '$lib/server/cases/case-commands';
import { openCaseSchema } from '$lib/server/cases/case-schemas';
import { officeConsultants } from '$lib/server/cases/load';
import { formValues } from '$lib/server/http/form';
import { listLaender, listStages, listSubmarkets, listTopics } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { calendarAccess } from '../../kalender/access.server';
import { parseCaseForm } from '../case-actions.server';
import type { Actions, PageServerLoad } from './$types';

async function reference(locale: Locale) {
	const { db } = services();
	const [topics, submarkets, stages, laender] = await Promise.all([
		listTopics(db, locale, { activeOnly: true }),
		listSubmarkets(db, locale, { activeOnly: true }),
		listStages(db, locale, { activeOnly: true }),
		listLaender(db)
	]);
	return { topics, submarkets, stages, laender };
}

/** Open a case for someone who called or e-mailed without booking (issue 4, item 1). */
export const load: PageServerLoad = async (event) => {
	const { office, viewer } = await calendarAccess(event);
	const ref = await reference(event.locals.locale);
	return {
		office: { key: office.key, name: office.name, laender: office.laender },
		consultants: viewer.role === 'consultant' ? [] : await officeConsultants(services().db, office.id),
		viewerId: viewer.id,
		...ref
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { office, scope, viewer } = await calendarAccess(event);
		const { locale } = event.locals;
		const ref = await reference(locale);
		const parsed = await parseCaseForm(
			event.request,
			openCaseSchema({
				topics: ref.topics.map((x) => x.key),
				submarkets: ref.submarkets.map((x) => x.key),
				stages: ref.stages.map((x) => x.key),
				laender: ref.laender.map((x) => x.iso)
			}),
			'open',
			locale,
			['topics']
		);
		if (!parsed.ok) return parsed.failure;
		const r = await openCaseByStaff(
			services(),
			viewer,
			scope,
			{ officeId: office.id, ...parsed.data },
			{ requestId: event.locals.requestId }
		);
		const base = `/intern/buero/${office.key}/begleitungen`;
		if (r.ok) redirect(303, localizePath(locale, `${base}/${r.caseId}?ok=opened`));
		const values = formValues(parsed.form);
		if (r.reason === 'exists')
			return fail(409, {
				values,
				errors: { email: translate(locale, 'cases.error.exists') },
				existing: `${base}/${r.caseId}`
			});
		const field = r.reason === 'invalid_target' ? 'consultantId' : 'email';
		return fail(409, {
			values,
			errors: { [field]: translate(locale, `cases.error.${r.reason}` as 'cases.error.forbidden') }
		});
	}
};
