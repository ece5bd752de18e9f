import type { Locale } from '../../i18n/locale';
import { type CalendarEntry, type CalendarMethod, renderCalendar } from '../platform/icalendar';
import { markdownToText } from './markdown';
import type { EventRecord } from './records';

/**
 * iCalendar for events, written by the one iCalendar module (platform/icalendar.ts): one entry
 * per event for the mails (METHOD:REQUEST on confirmation, METHOD:CANCEL when the event or the
 * registration is cancelled), the public download and the feeds (METHOD:PUBLISH). Europe/Berlin
 * with a VTIMEZONE. The UID is stable per event, SEQUENCE rises with every change.
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

export function eventPageUrl(publicBaseUrl: string, eventId: number, locale: Locale = 'de'): string {
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

function entry(e: EventRecord, o: EntryOptions): CalendarEntry {
	const pageUrl = eventPageUrl(o.publicBaseUrl, e.id);
	const description = [markdownToText(e.description), o.onlineUrl ? `Online: ${o.onlineUrl}` : null, pageUrl]
		.filter(Boolean)
		.join('\n\n');
	return {
		uid: eventUid(o.publicBaseUrl, e.id),
		sequence: e.icsSequence + (o.extraSequence ?? 0),
		start: e.start,
		end: e.end,
		stamp: o.now,
		summary: e.title,
		description,
		location: eventLocation(e, pageUrl) || null,
		url: pageUrl,
		status: o.cancelled || e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
		organizer: {
			name: e.office?.name ?? e.contactName,
			email: e.office?.email || e.contactEmail || 'no-reply@kreativlotse.invalid'
		},
		attendees: o.attendee ? [o.attendee] : []
	};
}

/**
 * One event: REQUEST/CANCEL in a mail to the registrant (with them as attendee), PUBLISH for the
 * public download (a cancelled event is published with STATUS:CANCELLED).
 */
export function eventIcs(e: EventRecord, method: CalendarMethod, o: EntryOptions): string {
	return renderCalendar({
		method,
		product: 'Veranstaltungen',
		now: o.now,
		entries: [entry(e, { ...o, cancelled: o.cancelled || method === 'CANCEL' })]
	});
}

/** A subscribable feed: every given event (published, cancelled ones marked CANCELLED). */
export function eventsFeed(
	events: readonly EventRecord[],
	o: { publicBaseUrl: string; now: number; name: string }
): string {
	return renderCalendar({
		method: 'PUBLISH',
		product: 'Veranstaltungen',
		name: o.name,
		refreshMinutes: 60,
		now: o.now,
		entries: events.map((e) => entry(e, { publicBaseUrl: o.publicBaseUrl, now: o.now }))
	});
}
