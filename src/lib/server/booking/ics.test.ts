import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { expectStartsReadAlike, lineProblems } from '../../../../tests/support/ics-parsers';
import { icsMethod } from '../notifications/smtp-transport';
import { bookingIcs } from './ics';

/** Parses with ical.js, resolving TZID against the file's own VTIMEZONE (not a built-in database). */
function parse(text: string) {
	const component = new ICAL.Component(ICAL.parse(text));
	const zone = new ICAL.Timezone(component.getFirstSubcomponent('vtimezone')!);
	ICAL.TimezoneService.reset();
	ICAL.TimezoneService.register(zone, 'Europe/Berlin');
	const event = component.getFirstSubcomponent('vevent')!;
	const tzid = event.getFirstProperty('dtstart')!.getParameter('tzid');
	const start = new ICAL.Event(event).startDate;
	return { component, event, start, tzid };
}

const base = {
	method: 'REQUEST' as const,
	uid: 'booking-7@kreativlotse.example',
	sequence: 0,
	summary: 'Orientierungsberatung – Regionalbüro Nordrhein-Westfalen',
	location: 'Regionalbüro Nordrhein-Westfalen, Musterstraße 1, 44787 Bochum',
	description: 'Im Regionalbüro\nBeratung durch: Berta Beraterin',
	organizer: { name: 'Regionalbüro Nordrhein-Westfalen', email: 'nw@kreativlotse.example' },
	attendee: { name: 'Kim Kreativ', email: 'kim@example.org' },
	stamp: Date.parse('2026-03-01T12:00:00Z')
};

// Days right after each switch and the switch Sundays themselves, mornings and afternoons.
describe('bookingIcs: Berlin wall-clock time on DST days', () => {
	it.each([
		['2026-03-29T08:00:00Z', '2026-03-29', '10:00', 2], // switch Sunday, after 03:00 CEST
		['2026-03-29T00:30:00Z', '2026-03-29', '01:30', 1], // switch Sunday, before the switch (CET)
		['2026-03-30T08:00:00Z', '2026-03-30', '10:00', 2],
		['2026-03-30T13:15:00Z', '2026-03-30', '15:15', 2],
		['2026-10-25T09:00:00Z', '2026-10-25', '10:00', 1], // switch Sunday, after 03:00 CET
		['2026-10-26T09:00:00Z', '2026-10-26', '10:00', 1],
		['2026-10-26T14:30:00Z', '2026-10-26', '15:30', 1],
		['2026-03-27T09:00:00Z', '2026-03-27', '10:00', 1] // Friday before: still CET
	])('%s → %s %s (UTC+%i)', (iso, date, time, offsetHours) => {
		const start = Date.parse(iso);
		const text = bookingIcs({ ...base, start, end: start + 3_600_000 });
		const { start: dt, tzid } = parse(text);
		expect(tzid).toBe('Europe/Berlin');
		expect(dt.zone?.tzid).toBe('Europe/Berlin');
		expect(dt.toString().slice(0, 16)).toBe(`${date}T${time}`);
		// The parser, using our VTIMEZONE, maps the local time back to the same instant.
		expect(dt.toJSDate().getTime()).toBe(start);
		expect(dt.utcOffset()).toBe(offsetHours * 3600);
		expect(lineProblems(text)).toEqual([]);
		expectStartsReadAlike(text, [start]);
	});
});

describe('bookingIcs: fields', () => {
	it('carries METHOD, UID, SEQUENCE, a UTC DTSTAMP, organizer and attendee', () => {
		const start = Date.parse('2026-06-17T08:00:00Z');
		const text = bookingIcs({
			...base,
			sequence: 3,
			start,
			end: start + 3_600_000,
			attendee: { name: 'Kim Kreativ', email: 'kim@example.org' }
		});
		const { component, event } = parse(text);
		expect(component.getFirstPropertyValue('method')).toBe('REQUEST');
		expect(event.getFirstPropertyValue('uid')).toBe('booking-7@kreativlotse.example');
		expect(event.getFirstPropertyValue('sequence')).toBe(3);
		expect(event.getFirstPropertyValue('summary')).toBe(base.summary);
		expect(event.getFirstPropertyValue('description')).toBe(base.description);
		expect(String(event.getFirstPropertyValue('organizer')).toLowerCase()).toBe(
			'mailto:nw@kreativlotse.example'
		);
		expect(String(event.getFirstPropertyValue('attendee')).toLowerCase()).toBe('mailto:kim@example.org');
		expect(text).toMatch(/\r\nDTSTAMP:20260301T120000Z\r\n/);
		expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
	});

	it('a cancellation says METHOD:CANCEL and STATUS:CANCELLED', () => {
		const start = Date.parse('2026-06-17T08:00:00Z');
		const text = bookingIcs({ ...base, method: 'CANCEL', sequence: 1, start, end: start + 3_600_000 });
		const { component, event } = parse(text);
		expect(component.getFirstPropertyValue('method')).toBe('CANCEL');
		expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(event.getFirstPropertyValue('sequence')).toBe(1);
	});
});

describe('bookingIcs: the download publishes', () => {
	it('METHOD:PUBLISH without attendee; a cancelled booking is STATUS:CANCELLED', () => {
		const start = Date.parse('2026-06-17T08:00:00Z');
		const text = bookingIcs({ ...base, method: 'PUBLISH', attendee: null, start, end: start + 3_600_000 });
		const { component, event } = parse(text);
		expect(component.getFirstPropertyValue('method')).toBe('PUBLISH');
		expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
		expect(text).not.toContain('ATTENDEE');
		const cancelled = bookingIcs({ ...base, method: 'PUBLISH', cancelled: true, start, end: start + 1 });
		expect(parse(cancelled).event.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(() => bookingIcs({ ...base, attendee: null, start, end: start + 1 })).toThrow(/attendee/);
	});
});

describe('icsMethod (the SMTP attachment content type)', () => {
	it('reads METHOD from the calendar text', () => {
		const start = Date.parse('2026-06-17T08:00:00Z');
		expect(icsMethod(bookingIcs({ ...base, start, end: start + 1 }))).toBe('REQUEST');
		expect(icsMethod(bookingIcs({ ...base, method: 'CANCEL', start, end: start + 1 }))).toBe('CANCEL');
	});
});
