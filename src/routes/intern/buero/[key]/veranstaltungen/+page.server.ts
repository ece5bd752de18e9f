import { listOfficeEvents } from '$lib/server/events/queries';
import { services } from '$lib/server/runtime';
import { eventsAccess } from './access.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { office, eventStaff } = await eventsAccess(event);
	const { db, clock } = services();
	const list = await listOfficeEvents(db, eventStaff, office.id, clock.now());
	return {
		office: { key: office.key, name: office.name },
		events: list.map(({ event: e, counts }) => ({
			id: e.id,
			title: e.title,
			start: e.start,
			end: e.end,
			status: e.status,
			network: e.officeId === null,
			capacity: e.capacity,
			registered: counts.registered,
			waitlisted: counts.waitlisted,
			waitlistUnconfirmed: counts.waitlistUnconfirmed
		}))
	};
};
