import { redirect } from '@sveltejs/kit';
import { cancelSprechtag, createSprechtag, listSprechtage } from '$lib/server/booking/availability';
import { idSchema, sprechtagSchema } from '$lib/server/booking/availability-schema';
import { officeConsultants } from '$lib/server/booking/slots';
import { localizePath } from '$lib/i18n/locale';
import { parseForm } from '$lib/server/http/form';
import { services } from '$lib/server/runtime';
import { addDays, berlinDate } from '$lib/time/berlin';
import { availabilityAccess, refusal } from '../verfuegbarkeit/access.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { office, lead } = await availabilityAccess(event);
	const { db, clock } = services();
	const today = berlinDate(clock.now());
	const people = await officeConsultants(db, office.id);
	return {
		office,
		lead,
		days: await listSprechtage(db, office.id, today),
		people: people.map((p) => ({ id: p.id, name: p.name })),
		suggestedDate: addDays(today, 14),
		saved: event.url.searchParams.has('gespeichert')
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { office, actor } = await availabilityAccess(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, sprechtagSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const result = await createSprechtag(services(), actor, office.id, parsed.data, { requestId });
		if (!result.ok)
			return refusal(
				result,
				parsed.values,
				locale,
				result.reason === 'not_member' ? 'consultantId' : undefined
			);
		redirect(303, localizePath(locale, `/intern/buero/${office.key}/sprechtage?gespeichert=1`));
	},
	cancel: async (event) => {
		const { office, actor } = await availabilityAccess(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, idSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const result = await cancelSprechtag(services(), actor, office.id, parsed.data.id, { requestId });
		if (!result.ok) return refusal(result, {}, locale);
		redirect(303, localizePath(locale, `/intern/buero/${office.key}/sprechtage?gespeichert=1`));
	}
};
