import { cancelSprechtag, createSprechtag, listSprechtage } from '$lib/server/booking/availability';
import { idSchema, sprechtagSchema } from '$lib/server/booking/availability-schema';
import { officeConsultants } from '$lib/server/booking/slots';
import { formAction } from '$lib/server/http/form-action';
import { services } from '$lib/server/runtime';
import { addDays, berlinDate } from '$lib/time/berlin';
import { availabilityAccess, refusal } from '../verfuegbarkeit/access.server';
import { sprechtagRefusal, sprechtageSaved } from './sprechtag-form.server';
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
	create: formAction({
		access: availabilityAccess,
		schema: sprechtagSchema,
		run: ({ event, access, data }) =>
			createSprechtag(services(), access.actor, access.office.id, data, {
				requestId: event.locals.requestId
			}),
		refuse: sprechtagRefusal,
		done: ({ access }) => sprechtageSaved(access.office)
	}),
	cancel: formAction({
		access: availabilityAccess,
		schema: idSchema,
		run: ({ event, access, data }) =>
			cancelSprechtag(services(), access.actor, access.office.id, data.id, {
				requestId: event.locals.requestId
			}),
		refuse: (result, _values, event) => refusal(result, {}, event.locals.locale),
		done: ({ access }) => sprechtageSaved(access.office)
	})
};
