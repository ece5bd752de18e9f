import { randomUUID } from 'node:crypto';
import { onBehalfPage } from '$lib/server/booking/calendar-page-queries';
import { services } from '$lib/server/runtime';
import { calendarAccess } from '../access.server';
import { bookOnBehalfAction } from './book.server';
import type { Actions, PageServerLoad } from './$types';

/** Step 1 is a GET form (consultant, format, day); step 2 lists that day's free slots with the intake form. */
export const load: PageServerLoad = async (event) => {
	const { office } = await calendarAccess(event);
	const { db, clock } = services();
	const q = event.url.searchParams;
	const asked = { consultant: q.get('berater'), format: q.get('format'), day: q.get('tag') };
	return {
		office: { key: office.key, name: office.name, laender: office.laender },
		...(await onBehalfPage(db, office.id, event.locals.locale, asked, clock.now())),
		// One id per opened form: sending it twice books once.
		submission: randomUUID()
	};
};

export const actions: Actions = { default: bookOnBehalfAction };
