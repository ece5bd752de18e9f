import { error, redirect } from '@sveltejs/kit';
import { getSprechtag, updateSprechtag } from '$lib/server/booking/availability';
import { sprechtagSchema } from '$lib/server/booking/availability-schema';
import { officeConsultants } from '$lib/server/booking/slots';
import { localizePath } from '$lib/i18n/locale';
import { parseForm } from '$lib/server/http/form';
import { requireOffice } from '$lib/server/http/gate';
import { services } from '$lib/server/runtime';
import { availabilityAccess, refusal } from '../../verfuegbarkeit/access.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Only leads edit Sprechtage; the day must belong to this office and still be planned. */
async function editAccess(event: RequestEvent) {
	const access = await availabilityAccess(event);
	await requireOffice(event, access.office.id, 'office_lead');
	const day = await getSprechtag(services().db, access.office.id, Number(event.params.id));
	if (day?.status !== 'planned') error(404, { message: 'not found' });
	return { ...access, day };
}

export const load: PageServerLoad = async (event) => {
	const { office, day } = await editAccess(event);
	const people = await officeConsultants(services().db, office.id);
	return {
		office,
		day,
		people: people.map((p) => ({ id: p.id, name: p.name })),
		values: {
			consultantId: String(day.consultantId),
			date: day.date,
			startTime: day.startTime,
			endTime: day.endTime,
			town: day.town,
			venue: day.venue,
			address: day.address,
			accessibility: day.accessibility
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { office, actor, day } = await editAccess(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, sprechtagSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const result = await updateSprechtag(services(), actor, office.id, day.id, parsed.data, { requestId });
		if (!result.ok)
			return refusal(
				result,
				parsed.values,
				locale,
				result.reason === 'not_member' ? 'consultantId' : undefined
			);
		redirect(303, localizePath(locale, `/intern/buero/${office.key}/sprechtage?gespeichert=1`));
	}
};
