import type { Locale } from '../../i18n/locale';
import { type MessageKey, translate } from '../../i18n/messages';
import { berlinInstant } from '../../time/berlin';
import { DAY } from '../../time/durations';
import type { Db } from '../db/transaction';
import { type CalendarEntry, renderCalendar } from '../platform/icalendar';
import { hashToken, plausibleToken } from '../platform/tokens';

/**
 * The personal feed behind a subscription URL: the user's appointments (held and confirmed;
 * cancelled ones stay as CANCELLED so calendars remove them), their Sprechtage and the events
 * they created, from 30 days back to a year ahead. By default an appointment shows the
 * person's first name and the format only; an office that allows it (office_calendar_setting)
 * adds full name, e-mail and phone. A revoked token, or one of a disabled user, finds nothing.
 */
export const FEED_REFRESH_MINUTES = 15;

function hostOf(publicBaseUrl: string): string {
	try {
		return new URL(publicBaseUrl).hostname || 'kreativlotse';
	} catch {
		return 'kreativlotse';
	}
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

export async function personalFeed(
	db: Db,
	token: string,
	o: { publicBaseUrl: string; now: Date }
): Promise<string | null> {
	if (!plausibleToken(token)) return null;
	const user = await db
		.selectFrom('calendar_feed as f')
		.innerJoin('staff_user as u', 'u.id', 'f.user_id')
		.select(['u.id', 'u.name', 'u.email', 'u.locale'])
		.where('f.token_hash', '=', hashToken(token))
		.where('f.revoked_at', 'is', null)
		.where('u.disabled_at', 'is', null)
		.executeTakeFirst();
	if (!user) return null;
	const userId = Number(user.id);
	const locale: Locale = user.locale === 'en' ? 'en' : 'de';
	const t = (key: MessageKey, params: Record<string, string> = {}) => translate(locale, key, params);
	const now = o.now.getTime();
	const from = now - 30 * DAY;
	const to = now + 366 * DAY;
	const host = hostOf(o.publicBaseUrl);

	const [bookings, sprechtage, events, detailed] = await Promise.all([
		db
			.selectFrom('booking as b')
			.innerJoin('office as o', 'o.id', 'b.office_id')
			.select([
				'b.id',
				'b.format',
				'b.status',
				'b.start_at',
				'b.end_at',
				'b.name',
				'b.email',
				'b.phone',
				'b.ics_sequence',
				'b.office_id',
				'b.updated_at',
				'o.name as office_name'
			])
			.where('b.consultant_id', '=', userId)
			.where('b.status', 'in', ['held', 'confirmed', 'attended', 'no_show', 'cancelled'])
			.where('b.start_at', '>=', from)
			.where('b.start_at', '<', to)
			.orderBy('b.start_at')
			.execute(),
		db
			.selectFrom('sprechtag')
			.select(['id', 'date', 'start_time', 'end_time', 'town', 'venue', 'address', 'status', 'updated_at'])
			.where('consultant_id', '=', userId)
			.orderBy('date')
			.execute(),
		db
			.selectFrom('event')
			.select([
				'id',
				'title',
				'start_at',
				'end_at',
				'status',
				'venue_name',
				'venue_address',
				'ics_sequence',
				'updated_at'
			])
			.where('created_by', '=', userId)
			.where('status', 'in', ['published', 'cancelled', 'finished'])
			.where('start_at', '>=', from)
			.where('start_at', '<', to)
			.orderBy('start_at')
			.execute(),
		db.selectFrom('office_calendar_setting').select('office_id').where('feed_details', '=', 1).execute()
	]);
	const detailOffices = new Set(detailed.map((d) => Number(d.office_id)));

	const entries: CalendarEntry[] = [];
	for (const b of bookings) {
		const full = detailOffices.has(Number(b.office_id));
		const person = full ? b.name : firstName(b.name);
		const format = t(`booking.format.${b.format}` as MessageKey);
		entries.push({
			uid: `booking-${b.id}@${host}`,
			sequence: Number(b.ics_sequence),
			start: Number(b.start_at),
			end: Number(b.end_at),
			stamp: Number(b.updated_at ?? now),
			summary: t(b.status === 'held' ? 'calendarFeed.bookingHeld' : 'calendarFeed.booking', {
				person,
				format
			}),
			description: full ? t('calendarFeed.contact', { email: b.email, phone: b.phone ?? '' }).trim() : null,
			location: b.office_name,
			status: b.status === 'cancelled' ? 'CANCELLED' : b.status === 'held' ? 'TENTATIVE' : 'CONFIRMED'
		});
	}
	for (const s of sprechtage) {
		const start = berlinInstant(s.date, s.start_time);
		if (start < from || start >= to) continue;
		entries.push({
			uid: `sprechtag-${s.id}@${host}`,
			sequence: 0,
			start,
			end: berlinInstant(s.date, s.end_time),
			stamp: Number(s.updated_at),
			summary: t('calendarFeed.sprechtag', { town: s.town }),
			location: [s.venue, s.address].filter(Boolean).join(', '),
			status: s.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'
		});
	}
	for (const e of events)
		entries.push({
			uid: `event-${e.id}@${host}`,
			sequence: Number(e.ics_sequence),
			start: Number(e.start_at),
			end: Number(e.end_at),
			stamp: Number(e.updated_at),
			summary: t('calendarFeed.event', { title: e.title }),
			location: [e.venue_name, e.venue_address].filter(Boolean).join(', ') || null,
			status: e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'
		});
	entries.sort((a, b) => a.start - b.start);
	return renderCalendar({
		method: 'PUBLISH',
		product: 'Kalender',
		name: t('calendarFeed.calendarName', { name: user.name }),
		refreshMinutes: FEED_REFRESH_MINUTES,
		now,
		entries
	});
}
