import { calendarBookingPage } from '$lib/server/booking/calendar-page-queries';
import { cancelSchema, moveSchema } from '$lib/server/booking/calendar-schema';
import { cancelByStaff, markAttendance } from '$lib/server/booking/commands';
import { moveInCalendar } from '$lib/server/booking/staff-commands';
import { idParam, notFound } from '$lib/server/http/route-answers';
import { services } from '$lib/server/runtime';
import { calendarAccess } from '../access.server';
import { bookingForm } from './actions.server';
import type { Actions, PageServerLoad } from './$types';

const NOTICES = ['booked', 'cancelled', 'moved', 'attended', 'no_show'] as const;

/** One booking: intake, consents, history; free slots to move it to (7 days from ?ab=). */
export const load: PageServerLoad = async (event) => {
	const { office, scope, viewer } = await calendarAccess(event);
	const { db, clock } = services();
	const q = event.url.searchParams;
	const request = { locale: event.locals.locale, askedFrom: q.get('ab'), now: clock.now() };
	const page = await calendarBookingPage(db, scope, viewer, office.id, idParam(event.params.id), request);
	if (!page) notFound();
	const notice = q.get('ok');
	return {
		office: { key: office.key, name: office.name },
		...page,
		notice: NOTICES.find((n) => n === notice) ?? null
	};
};

export const actions: Actions = {
	cancel: bookingForm(
		'cancel',
		cancelSchema,
		({ viewer, scope, id, ctx }, data) => cancelByStaff(services(), viewer, scope, id, data.reason, ctx),
		'cancelled'
	),
	move: bookingForm(
		'move',
		moveSchema,
		({ office, viewer, scope, id, ctx }, data) => {
			const target = { officeId: office.id, bookingId: id, start: data.slot };
			return moveInCalendar(services(), viewer, scope, target, data.reason ?? '', ctx);
		},
		'moved'
	),
	attended: bookingForm(
		'attendance',
		null,
		({ viewer, scope, id, ctx }) => markAttendance(services(), viewer, scope, id, 'attended', ctx),
		'attended'
	),
	noShow: bookingForm(
		'attendance',
		null,
		({ viewer, scope, id, ctx }) => markAttendance(services(), viewer, scope, id, 'no_show', ctx),
		'no_show'
	)
};
