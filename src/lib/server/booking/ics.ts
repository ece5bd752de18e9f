import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/**
 * The calendar entry of a booking (RFC 5545), for the mail attachment and the download on the
 * manage page. Times are written as Europe/Berlin wall-clock times with a VTIMEZONE, so a
 * calendar shows 10:00 for a 10:00 appointment on every DST day, whatever zone the server runs in.
 */
export const ICS_TIME_ZONE = 'Europe/Berlin';

/**
 * Europe/Berlin since 1996: CET (+01:00) in winter, CEST (+02:00) from the last Sunday of March
 * 02:00 to the last Sunday of October 03:00. Written out here so no timezone database is needed.
 */
export const BERLIN_VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	'TZID:Europe/Berlin',
	'X-LIC-LOCATION:Europe/Berlin',
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'TZNAME:CEST',
	'DTSTART:19700329T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'TZNAME:CET',
	'DTSTART:19701025T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE'
].join('\r\n');

export interface BookingIcsInput {
	method: 'REQUEST' | 'CANCEL';
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
	/** DTSTAMP: when this version of the entry was made (the command's `now`). */
	stamp: number;
}

const wallClock = new Intl.DateTimeFormat('en-GB', {
	timeZone: ICS_TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

/** 'YYYYMMDD' and 'HHmmss' of an instant on the Berlin wall clock. */
function berlinParts(instant: number): { date: string; time: string } {
	const p = Object.fromEntries(wallClock.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
	return { date: `${p.year}${p.month}${p.day}`, time: `${p.hour}${p.minute}${p.second}` };
}

/**
 * ical-generator formats a native Date with the process's local getters, which is wrong unless
 * the server runs in Berlin. It also accepts Luxon-like objects (`toJSDate`, `setZone`,
 * `toFormat`); this minimal one formats in Europe/Berlin via Intl, without a date library.
 */
interface BerlinDateTime {
	isValid: true;
	zone: { type: string };
	toJSDate(): Date;
	setZone(zone: string): BerlinDateTime;
	toFormat(format: string): string;
	toISO(): string;
	toMillis(): number;
	valueOf(): number;
}

function berlinDateTime(instant: number): BerlinDateTime {
	const self: BerlinDateTime = {
		isValid: true,
		zone: { type: 'iana' },
		toJSDate: () => new Date(instant),
		setZone: (zone: string) => {
			if (zone !== ICS_TIME_ZONE && zone.toLowerCase() !== 'utc') throw new Error(`unsupported zone ${zone}`);
			return zone.toLowerCase() === 'utc' ? utcDateTime(instant) : self;
		},
		toFormat: (format: string) => {
			const parts = berlinParts(instant);
			if (format === 'yyyyLLdd') return parts.date;
			if (format === 'HHmmss') return parts.time;
			throw new Error(`unsupported format ${format}`);
		},
		toISO: () => new Date(instant).toISOString(),
		toMillis: () => instant,
		valueOf: () => instant
	};
	return self;
}

function utcDateTime(instant: number): BerlinDateTime {
	const iso = new Date(instant).toISOString();
	return {
		...berlinDateTime(instant),
		zone: { type: 'fixed' },
		toFormat: (format: string) => {
			if (format === 'yyyyLLdd') return iso.slice(0, 10).replace(/-/g, '');
			if (format === 'HHmmss') return iso.slice(11, 19).replace(/:/g, '');
			throw new Error(`unsupported format ${format}`);
		}
	};
}

export function bookingIcs(input: BookingIcsInput): string {
	const calendar = ical({
		prodId: { company: 'Kreativlotse', product: 'Terminbuchung', language: 'DE' },
		method: input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
		// No calendar-wide zone (DTSTAMP must stay UTC); the generator adds the VTIMEZONE that the
		// event's TZID refers to.
		timezone: { name: null, generator: (zone) => (zone === ICS_TIME_ZONE ? BERLIN_VTIMEZONE : null) }
	});
	// The Luxon-like objects above satisfy ical-generator's date checks at run time.
	const asDate = (instant: number) => berlinDateTime(instant) as unknown as Date;
	const event = calendar.createEvent({
		id: input.uid,
		sequence: input.sequence,
		start: asDate(input.start),
		end: asDate(input.end),
		stamp: asDate(input.stamp),
		timezone: ICS_TIME_ZONE,
		summary: input.summary,
		location: input.location || null,
		description: input.description,
		organizer: { name: input.organizer.name, email: input.organizer.email },
		status: input.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
	});
	if (input.attendee) event.createAttendee({ name: input.attendee.name, email: input.attendee.email });
	return calendar.toString();
}
