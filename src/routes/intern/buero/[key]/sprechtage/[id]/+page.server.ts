import { getSprechtag, updateSprechtag } from '$lib/server/booking/availability';
import { sprechtagSchema } from '$lib/server/booking/availability-schema';
import { officeConsultants } from '$lib/server/booking/slots';
import { formAction } from '$lib/server/http/form-action';
import { requireOffice } from '$lib/server/http/gate';
import { notFound } from '$lib/server/http/route-answers';
import { services } from '$lib/server/runtime';
import { availabilityAccess } from '../../verfuegbarkeit/access.server';
import { sprechtagRefusal, sprechtageSaved } from '../sprechtag-form.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Only leads edit Sprechtage; the day must belong to this office and still be planned. */
async function editAccess(event: RequestEvent) {
	const access = await availabilityAccess(event);
	await requireOffice(event, access.office.id, 'office_lead');
	const day = await getSprechtag(services().db, access.office.id, Number(event.params.id));
	if (day?.status !== 'planned') notFound();
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
	default: formAction({
		access: editAccess,
		schema: sprechtagSchema,
		run: ({ event, access, data }) =>
			updateSprechtag(services(), access.actor, access.office.id, access.day.id, data, {
				requestId: event.locals.requestId
			}),
		refuse: sprechtagRefusal,
		done: ({ access }) => sprechtageSaved(access.office)
	})
};
