import { CALENDAR_TIME_ZONE, renderCalendar } from '../platform/icalendar';

/**
 * The calendar entry of a booking: METHOD:REQUEST/CANCEL in the mails to the person (with them
 * as attendee), METHOD:PUBLISH for the download on the manage page. Written by the one
 * iCalendar module (platform/icalendar.ts): Europe/Berlin with a VTIMEZONE, CRLF lines.
 */
export const ICS_TIME_ZONE = CALENDAR_TIME_ZONE;

export interface BookingIcsInput {
	method: 'PUBLISH' | 'REQUEST' | 'CANCEL';
	/** Stable per booking, so a reschedule or cancel updates the same calendar entry. */
	uid: string;
	/** Increases with every change (RFC 5546): calendars ignore an update with an older number. */
	sequence: number;
	/** Epoch milliseconds UTC. */
	start: number;
	end: number;
	summary: string;
	location: string;
	description: string;
	organizer: { name: string; email: string };
	attendee?: { name: string; email: string } | null;
	/** Whether the booking is cancelled (a download of a cancelled booking says so). */
	cancelled?: boolean;
	/** DTSTAMP: when this version of the entry was made (the command's `now`). */
	stamp: number;
}

export function bookingIcs(input: BookingIcsInput): string {
	return renderCalendar({
		method: input.method,
		product: 'Terminbuchung',
		now: input.stamp,
		entries: [
			{
				uid: input.uid,
				sequence: input.sequence,
				start: input.start,
				end: input.end,
				stamp: input.stamp,
				summary: input.summary,
				location: input.location || null,
				description: input.description,
				status: input.method === 'CANCEL' || input.cancelled ? 'CANCELLED' : 'CONFIRMED',
				organizer: input.organizer,
				attendees: input.attendee ? [input.attendee] : []
			}
		]
	});
}
