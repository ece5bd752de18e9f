import {
	type CalendarView,
	calendarConsultants,
	calendarDays,
	calendarNavigation,
	listCalendar,
	seesWholeOffice
} from '$lib/server/booking/calendar-queries';
import { services } from '$lib/server/runtime';
import { berlinDate, berlinInstant, isIsoDay, isoWeekday } from '$lib/time/berlin';
import { calendarAccess } from './access.server';
import type { PageServerLoad } from './$types';

/** Day or week of the office's bookings, one list per consultant; everything in the query string. */
export const load: PageServerLoad = async (event) => {
	const { office, scope, viewer } = await calendarAccess(event);
	const { db, clock } = services();
	const q = event.url.searchParams;
	const now = clock.now();
	const day = isIsoDay(q.get('tag') ?? '') ? q.get('tag')! : berlinDate(now);
	const view: CalendarView = q.get('ansicht') === 'woche' ? 'woche' : 'tag';
	const all = await calendarConsultants(db, scope, viewer, office.id);
	const wanted = Number(q.get('berater'));
	const consultantId = all.some((c) => c.id === wanted) ? wanted : null;
	const days = calendarDays(day, view);
	const bookings = await listCalendar(db, scope, viewer, { officeId: office.id, days, consultantId });
	const shown = consultantId ? all.filter((c) => c.id === consultantId) : [...all];
	// Someone who has left the office may still have bookings in it: leads must see those too.
	for (const b of bookings)
		if (!shown.some((c) => c.id === b.consultantId))
			shown.push({ id: b.consultantId, name: b.consultantName });
	return {
		office: { key: office.key, name: office.name },
		day,
		view,
		days: days.map((d) => ({ date: d, noon: berlinInstant(d, '12:00'), weekday: isoWeekday(d) })),
		badDay: q.has('tag') && !isIsoDay(q.get('tag') ?? ''),
		nav: calendarNavigation(day, view, now),
		wholeOffice: seesWholeOffice(viewer),
		consultants: all,
		consultantId,
		columns: shown.map((c) => ({ ...c, bookings: bookings.filter((b) => b.consultantId === c.id) }))
	};
};
