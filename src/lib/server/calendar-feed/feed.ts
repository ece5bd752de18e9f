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

/**
 * The subscription URL of a feed's token (the route kalender/[token].ics), as https and as
 * webcal:// — what calendar apps open on a click.
 */
export function subscriptionUrls(publicBaseUrl: string, token: string) {
	const https = `${publicBaseUrl}/kalender/${token}.ics`;
	return { https, webcal: https.replace(/^https?:/, 'webcal:') };
}

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
	const user = await feedOwner(db, token);
	if (!user) return null;
	const locale: Locale = user.locale === 'en' ? 'en' : 'de';
	const now = o.now.getTime();
	const view: FeedView = {
		t: (key, params = {}) => translate(locale, key, params),
		host: hostOf(o.publicBaseUrl),
		now,
		from: now - 30 * DAY,
		to: now + 366 * DAY
	};
	const rows = await feedRows(db, Number(user.id), view);
	const detailOffices = new Set(rows.detailed.map((d) => Number(d.office_id)));
	const entries: CalendarEntry[] = [
		...bookingEntries(view, rows.bookings, detailOffices),
		...sprechtagEntries(view, rows.sprechtage),
		...eventEntries(view, rows.events)
	];
	entries.sort((a, b) => a.start - b.start);
	return renderCalendar({
		method: 'PUBLISH',
		product: 'Kalender',
		name: view.t('calendarFeed.calendarName', { name: user.name }),
		refreshMinutes: FEED_REFRESH_MINUTES,
		now,
		entries
	});
}

interface FeedView {
	t: (key: MessageKey, params?: Record<string, string>) => string;
	host: string;
	now: number;
	/** The window shown, from 30 days back to a year ahead. */
	from: number;
	to: number;
}

/** Nobody for a revoked token or a disabled user. */
async function feedOwner(db: Db, token: string) {
	if (!plausibleToken(token)) return null;
	const user = await db
		.selectFrom('calendar_feed as f')
		.innerJoin('staff_user as u', 'u.id', 'f.user_id')
		.select(['u.id', 'u.name', 'u.email', 'u.locale'])
		.where('f.token_hash', '=', hashToken(token))
		.where('f.revoked_at', 'is', null)
		.where('u.disabled_at', 'is', null)
		.executeTakeFirst();
	return user ?? null;
}

async function feedRows(db: Db, userId: number, { from, to }: { from: number; to: number }) {
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
	return { bookings, sprechtage, events, detailed };
}

type FeedRows = Awaited<ReturnType<typeof feedRows>>;

/** Full name and contact only where the office allows it; otherwise first name and format. */
function bookingEntries(
	view: FeedView,
	bookings: FeedRows['bookings'],
	detailOffices: Set<number>
): CalendarEntry[] {
	const { t, host, now } = view;
	return bookings.map((b) => {
		const full = detailOffices.has(Number(b.office_id));
		const person = full ? b.name : firstName(b.name);
		const format = t(`booking.format.${b.format}` as MessageKey);
		return {
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
		};
	});
}

/** Sprechtage are read whole and cut to the window here, as their start is a Berlin date and time. */
function sprechtagEntries(view: FeedView, sprechtage: FeedRows['sprechtage']): CalendarEntry[] {
	const { t, host, from, to } = view;
	const entries: CalendarEntry[] = [];
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
	return entries;
}

function eventEntries(view: FeedView, events: FeedRows['events']): CalendarEntry[] {
	const { t, host } = view;
	return events.map((e) => ({
		uid: `event-${e.id}@${host}`,
		sequence: Number(e.ics_sequence),
		start: Number(e.start_at),
		end: Number(e.end_at),
		stamp: Number(e.updated_at),
		summary: t('calendarFeed.event', { title: e.title }),
		location: [e.venue_name, e.venue_address].filter(Boolean).join(', ') || null,
		status: e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'
	}));
}
