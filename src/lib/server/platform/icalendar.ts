import { BERLIN_TIME_ZONE, berlinOffset } from '../../time/berlin';
import { DAY, MINUTE } from '../../time/durations';
import { utcOffsetMinutes, vtimezoneLines } from './vtimezone';

/**
 * The one iCalendar writer (RFC 5545, methods per RFC 5546) for bookings, events and the
 * personal feeds. Times are Europe/Berlin wall-clock times with TZID and a VTIMEZONE derived
 * from the zone's rules, so a calendar shows 10:00 for a 10:00 appointment on every DST day,
 * whatever zone the server runs in. Every line ends with CRLF (the last one too); long lines
 * are folded at 75 octets without splitting a UTF-8 character.
 *
 * Methods: PUBLISH for downloads and feeds (no attendees needed); REQUEST and CANCEL only in
 * mails to an attendee: the writer refuses them without one, as RFC 5546 requires.
 */
export const CALENDAR_TIME_ZONE = BERLIN_TIME_ZONE;

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export interface CalendarPerson {
	name: string;
	email: string;
}

export interface CalendarEntry {
	/** Stable per booking/event, so an update or cancellation changes the same entry. */
	uid: string;
	/** Rises with every change: calendars ignore an update with an older number. */
	sequence: number;
	/** Epoch milliseconds UTC. */
	start: number;
	end: number;
	/** When this version was made (the command's `now`), written in UTC. */
	stamp: number;
	summary: string;
	description?: string | null;
	location?: string | null;
	url?: string | null;
	status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
	organizer?: CalendarPerson | null;
	attendees?: CalendarPerson[];
	categories?: string[];
}

export interface CalendarDocument {
	method: CalendarMethod;
	/** Product, e.g. "Terminbuchung": PRODID is -//Kreativlotse//<product>//DE. */
	product: string;
	/** A feed's name (X-WR-CALNAME) and how often a subscriber should refresh it. */
	name?: string;
	refreshMinutes?: number;
	entries: CalendarEntry[];
	/** Now (the VTIMEZONE covers this year too, e.g. for an empty feed). */
	now: number;
}

/** TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value (CN): quoted, without the characters a quoted value cannot hold. */
const paramValue = (value: string) =>
	`"${[...value].filter((ch) => ch !== '"' && ch.charCodeAt(0) >= 0x20).join('')}"`;

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (continuation lines start with a space). */
export function fold(line: string): string {
	if (encoder.encode(line).length <= 75) return line;
	const parts: string[] = [];
	let current = '';
	let size = 0;
	for (const ch of line) {
		const n = encoder.encode(ch).length;
		const limit = parts.length === 0 ? 75 : 74;
		if (size + n > limit) {
			parts.push(current);
			current = '';
			size = 0;
		}
		current += ch;
		size += n;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

const pad = (n: number) => String(n).padStart(2, '0');
const utc = (instant: number) => {
	const d = new Date(instant);
	return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
};

/** An instant as a Berlin wall-clock value (with TZID on the property). */
function local(instant: number): string {
	// The wall clock read as UTC: its UTC fields are Berlin's date and time.
	return utc(instant + berlinOffset(instant)).slice(0, -1);
}

/**
 * DTSTART/DTEND: Berlin wall-clock time with TZID, except in the hour that occurs twice when the
 * clocks go back (02:00–03:00 on the last Sunday of October): RFC 5545 reads such a local time
 * as the first occurrence, but ical.js and node-ical read the second, so both instants are
 * written in UTC, which every parser reads alike.
 */
function dateTime(name: 'DTSTART' | 'DTEND', instant: number): string {
	const offset = utcOffsetMinutes(CALENDAR_TIME_ZONE, instant);
	for (const other of [instant - DAY, instant + DAY].map((t) => utcOffsetMinutes(CALENDAR_TIME_ZONE, t))) {
		if (other === offset) continue;
		const sameWallClock = instant + (offset - other) * MINUTE;
		if (utcOffsetMinutes(CALENDAR_TIME_ZONE, sameWallClock) === other) return `${name}:${utc(instant)}`;
	}
	return `${name};TZID=${CALENDAR_TIME_ZONE}:${local(instant)}`;
}

const person = (kind: 'ORGANIZER' | 'ATTENDEE', p: CalendarPerson, extra = '') =>
	`${kind};CN=${paramValue(p.name)}${extra}:mailto:${p.email.replace(/[\s<>"]/g, '')}`;

function entryLines(e: CalendarEntry, method: CalendarMethod): string[] {
	const lines = [
		'BEGIN:VEVENT',
		`UID:${e.uid}`,
		`SEQUENCE:${e.sequence}`,
		`DTSTAMP:${utc(e.stamp)}`,
		dateTime('DTSTART', e.start),
		dateTime('DTEND', e.end),
		`SUMMARY:${escapeText(e.summary)}`
	];
	if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
	if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
	if (e.url) lines.push(`URL:${e.url}`);
	if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
	lines.push(`STATUS:${e.status}`);
	if (e.organizer) lines.push(person('ORGANIZER', e.organizer));
	// An attendee only in messages to them: a published entry lists nobody.
	if (method !== 'PUBLISH')
		for (const a of e.attendees ?? [])
			lines.push(person('ATTENDEE', a, ';ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE'));
	lines.push('END:VEVENT');
	return lines;
}

export function renderCalendar(doc: CalendarDocument): string {
	if (doc.method !== 'PUBLISH')
		for (const e of doc.entries)
			if (!e.organizer || !e.attendees?.length)
				throw new Error(`METHOD:${doc.method} needs an organizer and an attendee (RFC 5546)`);
	const years = doc.entries.flatMap((e) => [
		new Date(e.start).getUTCFullYear(),
		new Date(e.end).getUTCFullYear()
	]);
	const thisYear = new Date(doc.now).getUTCFullYear();
	const fromYear = Math.min(...years, thisYear);
	const toYear = Math.max(...years, thisYear);
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:-//Kreativlotse//${doc.product}//DE`,
		'CALSCALE:GREGORIAN',
		`METHOD:${doc.method}`
	];
	if (doc.name) lines.push(`X-WR-CALNAME:${escapeText(doc.name)}`);
	lines.push(`X-WR-TIMEZONE:${CALENDAR_TIME_ZONE}`);
	if (doc.refreshMinutes) {
		// RFC 7986 REFRESH-INTERVAL and the older X-PUBLISHED-TTL that Outlook and Apple read.
		const d = `PT${Math.round(doc.refreshMinutes)}M`;
		lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${d}`, `X-PUBLISHED-TTL:${d}`);
	}
	lines.push(...vtimezoneLines(CALENDAR_TIME_ZONE, fromYear, toYear));
	for (const e of doc.entries) lines.push(...entryLines(e, doc.method));
	lines.push('END:VCALENDAR');
	return `${lines.map(fold).join('\r\n')}\r\n`;
}
