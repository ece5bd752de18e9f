import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { newEventFormSchemaAt } from '$lib/server/events/schema';
import { createEvent } from '$lib/server/events/staff';
import { parseForm } from '$lib/server/http/form';
import { listSubmarkets, listTopics } from '$lib/server/reference/queries';
import { LAND_ISOS } from '$lib/server/reference/schema';
import { services } from '$lib/server/runtime';
import { eventsAccess, staffRefusal, withReferenceErrors } from '../access.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { office, staff, eventStaff } = await eventsAccess(event);
	const { db } = services();
	const [submarkets, topics] = await Promise.all([
		listSubmarkets(db, event.locals.locale, { activeOnly: true }),
		listTopics(db, event.locals.locale, { activeOnly: true })
	]);
	return {
		office: { key: office.key, name: office.name },
		canNetwork: eventStaff.isNetworkAdmin,
		submarkets: submarkets.map((s) => ({ key: s.key, name: s.name })),
		topics: topics.map((s) => ({ key: s.key, name: s.name })),
		laender: [...LAND_ISOS],
		defaults: {
			contact_name: staff.name,
			contact_email: staff.email,
			offer_hours: '48',
			format: 'onsite',
			type: 'info'
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { office, eventStaff } = await eventsAccess(event);
		const { locale, requestId } = event.locals;
		// The start in the past is reported with every other field error (issue 16).
		const now = services().clock.now().getTime();
		const parsed = await parseForm(event.request, newEventFormSchemaAt(now), locale, {
			multi: ['submarkets', 'topics']
		});
		if (!parsed.ok) return withReferenceErrors(parsed, locale);
		const r = await createEvent(services(), eventStaff, office.id, parsed.data, { requestId });
		if (!r.ok) return staffRefusal(r, parsed.values, locale);
		redirect(
			303,
			localizePath(locale, `/intern/buero/${office.key}/veranstaltungen/${r.eventId}?gespeichert=1`)
		);
	}
};
