import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { markdownToText } from './markdown';
import type { EventRecord } from './records';

/**
 * iCalendar for events (RFC 5545/5546, ical-generator 10): one entry per event for the mails
 * (METHOD:REQUEST on confirmation, METHOD:CANCEL when the event or the registration is
 * cancelled) and the public download, and the feeds of all published events (network-wide and
 * per office). Times are written in UTC ("Z"), which every calendar shows in its own zone: no
 * VTIMEZONE needed. The UID is stable per event, SEQUENCE rises with every change.
 */
export function eventUid(publicBaseUrl: string, eventId: number): string {
	let host = 'kreativlotse';
	try {
		host = new URL(publicBaseUrl).hostname || host;
	} catch {
		// keep the fallback
	}
	return `event-${eventId}@${host}`;
}

export function eventPageUrl(publicBaseUrl: string, eventId: number, locale: 'de' | 'en' = 'de'): string {
	return `${publicBaseUrl.replace(/\/$/, '')}${locale === 'en' ? '/en' : ''}/veranstaltungen/${eventId}`;
}

export function eventLocation(e: EventRecord, pageUrl: string): string {
	const place = [e.venueName, e.venueAddress].filter(Boolean).join(', ');
	if (e.format === 'online') return pageUrl;
	if (e.format === 'hybrid') return place ? `${place} / online` : 'online';
	return place;
}

interface EntryOptions {
	publicBaseUrl: string;
	now: number;
	/** Only for a confirmed registrant's own entry: the online link. */
	onlineUrl?: string | null;
	attendee?: { name: string; email: string } | null;
	cancelled?: boolean;
	/** Added to the event's own sequence (a cancelled registration counts one more). */
	extraSequence?: number;
}

function addEntry(calendar: ReturnType<typeof ical>, e: EventRecord, o: EntryOptions) {
	const pageUrl = eventPageUrl(o.publicBaseUrl, e.id);
	const description = [markdownToText(e.description), o.onlineUrl ? `Online: ${o.onlineUrl}` : null, pageUrl]
		.filter(Boolean)
		.join('\n\n');
	const cancelled = o.cancelled || e.status === 'cancelled';
	const entry = calendar.createEvent({
		id: eventUid(o.publicBaseUrl, e.id),
		sequence: e.icsSequence + (o.extraSequence ?? 0),
		start: new Date(e.start),
		end: new Date(e.end),
		stamp: new Date(o.now),
		summary: e.title,
		description,
		location: eventLocation(e, pageUrl) || null,
		url: pageUrl,
		organizer: {
			name: e.office?.name ?? e.contactName,
			email: e.office?.email || e.contactEmail || 'no-reply@kreativlotse.invalid'
		},
		status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
	});
	if (o.attendee) entry.createAttendee({ name: o.attendee.name, email: o.attendee.email });
}

/** One event, for a mail attachment (REQUEST/CANCEL) or the public download (PUBLISH). */
export function eventIcs(e: EventRecord, method: 'REQUEST' | 'CANCEL' | 'PUBLISH', o: EntryOptions): string {
	const calendar = ical({
		prodId: { company: 'Kreativlotse', product: 'Veranstaltungen', language: 'DE' },
		method:
			method === 'CANCEL'
				? ICalCalendarMethod.CANCEL
				: method === 'REQUEST'
					? ICalCalendarMethod.REQUEST
					: ICalCalendarMethod.PUBLISH
	});
	addEntry(calendar, e, { ...o, cancelled: o.cancelled || method === 'CANCEL' });
	return calendar.toString();
}

/** A subscribable feed: every given event (published, cancelled ones marked CANCELLED). */
export function eventsFeed(
	events: readonly EventRecord[],
	o: { publicBaseUrl: string; now: number; name: string }
): string {
	const calendar = ical({
		prodId: { company: 'Kreativlotse', product: 'Veranstaltungen', language: 'DE' },
		method: ICalCalendarMethod.PUBLISH,
		name: o.name,
		ttl: 60 * 60
	});
	for (const e of events) addEntry(calendar, e, { publicBaseUrl: o.publicBaseUrl, now: o.now });
	return calendar.toString();
}
