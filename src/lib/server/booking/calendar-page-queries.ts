import type { Locale } from '../../i18n/locale';
import { addDays, berlinDate, berlinInstant, isIsoDay } from '../../time/berlin';
import type { OfficeScope } from '../access/scope';
import type { Db, Tx } from '../db/transaction';
import { activeChoices, listLaender, listStages, listSubmarkets, listTopics } from '../reference/index';
import { API_FORMATS } from './api-schema';
import { slotValue } from './calendar-schema';
import { getCalendarBooking } from './calendar-queries';
import type { OfficeActor } from './settings';
import { listSlots, officeConsultants } from './slots';

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

type Format = (typeof API_FORMATS)[number];
const isFormat = (v: string): v is Format => (API_FORMATS as readonly string[]).includes(v);

/**
 * The staff's booking on someone's behalf (issue 17: the page's one read). Step 1 asks for a
 * consultant, a format and a day — each kept only if the office has it (a consultant of another
 * office, an unknown format: "any"; no valid day: tomorrow); step 2 lists that day's free slots
 * with what the intake form offers (active sub-markets, stages and topics, every Land).
 */
export async function onBehalfPage(
	db: Db | Tx,
	officeId: number,
	locale: Locale,
	asked: { consultant: string | null; format: string | null; day: string | null },
	now: Date
) {
	const consultants = await officeConsultants(db, officeId);
	const wanted = Number(asked.consultant);
	const consultantId = consultants.some((c) => c.id === wanted) ? wanted : null;
	const format = isFormat(asked.format ?? '') ? (asked.format as Format) : null;
	const day = asked.day && isIsoDay(asked.day) ? asked.day : addDays(berlinDate(now), 1);
	const query = {
		officeId,
		from: day,
		to: day,
		format: format ?? undefined,
		consultantId: consultantId ?? undefined
	};
	const [slots, laender, choices, stages] = await Promise.all([
		listSlots(db, query, now),
		listLaender(db),
		activeChoices(db, locale),
		listStages(db, locale, { activeOnly: true })
	]);
	return {
		consultants: consultants.map((c) => ({ id: Number(c.id), name: c.name })),
		consultantId,
		format,
		formats: API_FORMATS,
		day,
		dayNoon: berlinInstant(day, '12:00'),
		slots: slots.map((s) => ({
			value: slotValue(s),
			start: s.start,
			end: s.end,
			format: s.format,
			consultantName: s.consultantName
		})),
		laender: laender.map((l) => l.iso),
		...choices,
		stages: stages.map((e) => ({ key: e.key, name: e.name }))
	};
}
