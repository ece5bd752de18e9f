import type { Locale } from '../../i18n/locale';
import { addDays, berlinDate, isIsoDay } from '../../time/berlin';
import type { OfficeScope } from '../access/scope';
import type { Db, Tx } from '../db/transaction';
import { listStages, listSubmarkets, listTopics } from '../reference/index';
import { getCalendarBooking } from './calendar-queries';
import type { OfficeActor } from './settings';
import { listSlots } from './slots';

/**
 * The calendar's page of one booking (issue 17: the page's one read): the booking with its
 * intake's names, which staff moves its state and time allow, and the free slots of the same
 * consultant and format to move it to — seven days from the asked day (never before today).
 * Null when the booking is not the viewer's to see.
 */
export async function calendarBookingPage(
	db: Db | Tx,
	scope: OfficeScope,
	viewer: OfficeActor,
	officeId: number,
	bookingId: number,
	request: { locale: Locale; askedFrom: string | null; now: Date }
) {
	const { locale, now } = request;
	const booking = await getCalendarBooking(db, scope, viewer, officeId, bookingId);
	if (!booking) return null;
	const [submarkets, stages, topics] = await Promise.all([
		listSubmarkets(db, locale),
		listStages(db, locale),
		listTopics(db, locale)
	]);
	// Retired entries included: an old booking still names what was chosen then.
	const nameOf = (list: { key: string; name: string }[], key: string) =>
		list.find((e) => e.key === key)?.name ?? key;
	const t = now.getTime();
	const active = booking.status === 'held' || booking.status === 'confirmed';
	const movable = active && booking.start > t;
	const today = berlinDate(now);
	const asked = request.askedFrom ?? '';
	const moveFrom = isIsoDay(asked) && asked >= today ? asked : today;
	const range = { officeId, from: moveFrom, to: addDays(moveFrom, 6) };
	const same = { consultantId: booking.consultantId, format: booking.format };
	const moveSlots = movable ? await listSlots(db, { ...range, ...same }, now) : [];
	return {
		booking: {
			...booking,
			submarketName: nameOf(submarkets, booking.submarket),
			stageName: nameOf(stages, booking.stage),
			topicNames: booking.topics.map((k) => nameOf(topics, k))
		},
		day: berlinDate(booking.start),
		movable,
		cancellable: active,
		// Attendance once the talk began; a confirmed one still ahead says "later".
		canMarkAttendance: ['confirmed', 'attended', 'no_show'].includes(booking.status) && booking.start <= t,
		attendanceLater: booking.status === 'confirmed' && booking.start > t,
		moveFrom,
		moveSlots: moveSlots.map((s) => ({ start: s.start, end: s.end, value: String(s.start) }))
	};
}
