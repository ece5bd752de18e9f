import { error } from '@sveltejs/kit';
import { getCalendarBooking } from '$lib/server/booking/calendar-queries';
import { listSlots } from '$lib/server/booking/slots';
import { listStages, listSubmarkets, listTopics } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { addDays, berlinDate, isIsoDay } from '$lib/time/berlin';
import { calendarAccess } from '../access.server';
import { cancelSchema, moveSchema } from '$lib/server/booking/calendar-schema';
import { cancelByStaff, markAttendance, moveByStaff } from '$lib/server/booking/commands';
import { bookingAction, outcome, parse } from './actions.server';
import type { Actions, PageServerLoad } from './$types';

const NOTICES = ['booked', 'cancelled', 'moved', 'attended', 'no_show'] as const;

/** One booking: intake, consents, history; free slots to move it to (7 days from ?ab=). */
export const load: PageServerLoad = async (event) => {
	const { office, scope, viewer } = await calendarAccess(event);
	const { db, clock } = services();
	const now = clock.now();
	const booking = await getCalendarBooking(db, scope, viewer, office.id, Number(event.params.id));
	if (!booking) error(404, { message: 'not found' });
	const { locale } = event.locals;
	const [submarkets, stages, topics] = await Promise.all([
		listSubmarkets(db, locale),
		listStages(db, locale),
		listTopics(db, locale)
	]);
	const nameOf = (list: { key: string; name: string }[], key: string) =>
		list.find((e) => e.key === key)?.name ?? key;
	const active = booking.status === 'held' || booking.status === 'confirmed';
	const movable = active && booking.start > now.getTime();
	const today = berlinDate(now);
	const asked = event.url.searchParams.get('ab') ?? '';
	const moveFrom = isIsoDay(asked) && asked >= today ? asked : today;
	const moveSlots = movable
		? await listSlots(
				db,
				{
					officeId: office.id,
					from: moveFrom,
					to: addDays(moveFrom, 6),
					consultantId: booking.consultantId,
					format: booking.format
				},
				now
			)
		: [];
	const notice = event.url.searchParams.get('ok');
	return {
		office: { key: office.key, name: office.name },
		booking: {
			...booking,
			submarketName: nameOf(submarkets, booking.submarket),
			stageName: nameOf(stages, booking.stage),
			topicNames: booking.topics.map((k) => nameOf(topics, k))
		},
		day: berlinDate(booking.start),
		movable,
		cancellable: active,
		canMarkAttendance:
			['confirmed', 'attended', 'no_show'].includes(booking.status) && booking.start <= now.getTime(),
		attendanceLater: booking.status === 'confirmed' && booking.start > now.getTime(),
		moveFrom,
		moveSlots: moveSlots.map((s) => ({ start: s.start, end: s.end, value: String(s.start) })),
		notice: NOTICES.find((n) => n === notice) ?? null
	};
};

export const actions: Actions = {
	cancel: async (event) => {
		const { viewer, scope, id, ctx } = await bookingAction(event);
		const parsed = await parse(event.request, cancelSchema, 'cancel', event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const result = await cancelByStaff(services(), viewer, scope, id, parsed.data.reason, ctx);
		return outcome(event, 'cancel', parsed.form, result, 'cancelled');
	},
	move: async (event) => {
		const { office, viewer, scope, id, ctx } = await bookingAction(event);
		const parsed = await parse(event.request, moveSchema, 'move', event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		// The calendar offers slots of the same consultant and format.
		const current = await getCalendarBooking(services().db, scope, viewer, office.id, id);
		if (!current) error(404, { message: 'not found' });
		const slot = { start: parsed.data.slot, consultantId: current.consultantId, format: current.format };
		const result = await moveByStaff(services(), viewer, scope, id, slot, parsed.data.reason ?? '', ctx);
		return outcome(event, 'move', parsed.form, result, 'moved');
	},
	attended: async (event) => {
		const { viewer, scope, id, ctx } = await bookingAction(event);
		const result = await markAttendance(services(), viewer, scope, id, 'attended', ctx);
		return outcome(event, 'attendance', new FormData(), result, 'attended');
	},
	noShow: async (event) => {
		const { viewer, scope, id, ctx } = await bookingAction(event);
		const result = await markAttendance(services(), viewer, scope, id, 'no_show', ctx);
		return outcome(event, 'attendance', new FormData(), result, 'no_show');
	}
};
