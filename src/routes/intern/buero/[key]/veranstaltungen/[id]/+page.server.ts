import { z } from 'zod';
import { staffEventPage } from '$lib/server/events/queries';
import { cancelEventSchema, eventFormSchema } from '$lib/server/events/schema';
import { cancelEvent, publishEvent, updateEvent } from '$lib/server/events/staff';
import { formAction } from '$lib/server/http/form-action';
import { activeChoices } from '$lib/server/reference/queries';
import { LAND_ISOS } from '$lib/server/reference/schema';
import { services } from '$lib/server/runtime';
import { eventAccess, staffRefusal, withReferenceErrors } from '../access.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { office, detail } = await eventAccess(event);
	const { db, clock } = services();
	const q = event.url.searchParams;
	return {
		office: { key: office.key, name: office.name },
		...staffEventPage(detail, clock.now()),
		...(await activeChoices(db, event.locals.locale)),
		laender: [...LAND_ISOS],
		notice: q.has('gespeichert') ? 'saved' : q.has('veroeffentlicht') ? 'published' : q.get('abgesagt')
	};
};

const ctx = (event: { locals: App.Locals }) => ({ requestId: event.locals.requestId });
/** The event's page again, with the notice of what was done. */
const eventPath = ({ office, detail }: Awaited<ReturnType<typeof eventAccess>>, query: string) =>
	`/intern/buero/${office.key}/veranstaltungen/${detail.event.id}?${query}`;

export const actions: Actions = {
	save: formAction({
		access: eventAccess,
		schema: eventFormSchema,
		fields: { multi: ['submarkets', 'topics'] },
		invalid: (failure, input, _access, event) => withReferenceErrors({ failure, input }, event.locals.locale),
		run: ({ access, data, event }) =>
			updateEvent(services(), access.eventStaff, access.detail.event.id, data, ctx(event)),
		refuse: (r, values, event) => staffRefusal(r, values, event.locals.locale),
		done: ({ access }) => eventPath(access, 'gespeichert=1')
	}),
	// The button sends no fields; a refusal keeps none.
	publish: formAction({
		access: eventAccess,
		schema: z.object({}),
		run: ({ access, event }) =>
			publishEvent(services(), access.eventStaff, access.detail.event.id, ctx(event)),
		refuse: (r, _values, event) => staffRefusal(r, {}, event.locals.locale),
		done: ({ access }) => eventPath(access, 'veroeffentlicht=1')
	}),
	cancel: formAction({
		access: eventAccess,
		schema: cancelEventSchema,
		run: ({ access, data, event }) =>
			cancelEvent(services(), access.eventStaff, access.detail.event.id, data.reason, ctx(event)),
		refuse: (r, values, event) => staffRefusal(r, values, event.locals.locale),
		done: ({ access, result }) => eventPath(access, `abgesagt=${result.told}`)
	})
};
