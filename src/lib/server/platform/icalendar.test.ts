import { describe, expect, it } from 'vitest';
import {
	lineProblems,
	pythonIcalendarMissing,
	withIcalJs,
	withNodeIcal,
	withPythonIcalendar
} from '../../../../tests/support/ics-parsers';
import { type CalendarEntry, escapeText, fold, renderCalendar } from './icalendar';
import { transitions, vtimezoneLines } from './vtimezone';

const organizer = { name: 'Regionalbüro Nordrhein-Westfalen, Bochum', email: 'nw@kreativlotse.example' };
const attendee = { name: 'Kim "KK" Kreativ', email: 'kim@example.org' };
const stamp = Date.parse('2026-03-01T12:00:00Z');

// Instants around both 2026 switches, afternoons too, and one in another year (2027 winter).
const INSTANTS = [
	'2026-03-29T00:30:00Z', // switch Sunday 01:30 CET
	'2026-03-29T08:00:00Z', // switch Sunday 10:00 CEST
	'2026-03-30T13:15:00Z',
	'2026-10-25T00:30:00Z', // 02:30 CEST, the first of the two 02:30s
	'2026-10-25T01:30:00Z', // 02:30 CET, the second
	'2026-10-26T14:30:00Z',
	'2027-01-15T09:00:00Z'
].map((iso) => Date.parse(iso));

function entry(start: number, i: number): CalendarEntry {
	return {
		uid: `test-${i}@kreativlotse.example`,
		sequence: i,
		start,
		end: start + 90 * 60_000,
		stamp,
		summary: `Beratung; Nr. ${i}, mit Umlauten äöü – und einer langen Zeile, die gefaltet werden muss, weil sie länger ist`,
		description: 'Zeile 1\nZeile 2, mit Komma; und Semikolon \\ und Backslash',
		location: 'Viktoriastraße 75, 44787 Bochum',
		url: `https://kreativlotse.example/x/${i}`,
		status: i === 2 ? 'CANCELLED' : 'CONFIRMED',
		organizer,
		attendees: [attendee]
	};
}

const feed = () =>
	renderCalendar({
		method: 'PUBLISH',
		product: 'Test',
		name: 'Kalender von Kim',
		refreshMinutes: 15,
		now: stamp,
		entries: INSTANTS.map(entry)
	});

describe('the VTIMEZONE comes from the zone rules', () => {
	it('finds the 2026 Berlin switches to the minute', () => {
		const found = transitions('Europe/Berlin', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
		expect(found.map((t) => [new Date(t.at).toISOString(), t.from, t.to])).toEqual([
			['2026-03-29T01:00:00.000Z', 60, 120],
			['2026-10-25T01:00:00.000Z', 120, 60]
		]);
		expect(transitions('Asia/Kolkata', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual([]);
	});

	it('writes STANDARD/DAYLIGHT blocks with local DTSTART, offsets and names', () => {
		const text = vtimezoneLines('Europe/Berlin', 2026, 2026).join('\n');
		expect(text).toContain(
			'BEGIN:DAYLIGHT\nDTSTART:20260329T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nTZNAME:CEST\nEND:DAYLIGHT'
		);
		expect(text).toContain(
			'BEGIN:STANDARD\nDTSTART:20261025T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nTZNAME:CET\nEND:STANDARD'
		);
	});
});

describe('renderCalendar', () => {
	it('ends every line with CRLF (the last too) and folds at 75 octets', () => {
		const text = feed();
		expect(lineProblems(text)).toEqual([]);
		expect(text).toContain('\r\n ');
		expect(fold('a'.repeat(80))).toBe(`${'a'.repeat(75)}\r\n ${'a'.repeat(5)}`);
		// A two-byte character is never split.
		expect(fold('ä'.repeat(40)).split('\r\n ')[0]).toBe('ä'.repeat(37));
		expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
	});

	it('carries METHOD:PUBLISH, the feed name, refresh interval and time zone; no attendee when publishing', () => {
		const text = feed();
		expect(text).toContain('\r\nMETHOD:PUBLISH\r\n');
		expect(text).toContain('\r\nX-WR-CALNAME:Kalender von Kim\r\n');
		expect(text).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT15M\r\n');
		expect(text).toContain('\r\nX-PUBLISHED-TTL:PT15M\r\n');
		expect(text).toContain('\r\nX-WR-TIMEZONE:Europe/Berlin\r\n');
		// Both 02:30s of the night the clocks go back are written in UTC (unambiguous for every parser).
		expect(text).toContain('\r\nDTSTART:20261025T003000Z\r\n');
		expect(text).toContain('\r\nDTSTART:20261025T013000Z\r\n');
		expect(text).not.toContain('ATTENDEE');
	});

	it('refuses REQUEST and CANCEL without an attendee; carries the attendee when there is one', () => {
		const one = entry(INSTANTS[1]!, 1);
		for (const method of ['REQUEST', 'CANCEL'] as const) {
			expect(() =>
				renderCalendar({ method, product: 'T', now: stamp, entries: [{ ...one, attendees: [] }] })
			).toThrow(/attendee/);
			const text = renderCalendar({ method, product: 'T', now: stamp, entries: [one] });
			expect(text.replace(/\r\n /g, '')).toContain('ATTENDEE;CN="Kim KK Kreativ";ROLE=REQ-PARTICIPANT');
		}
	});

	it('ical.js reads the instants back through the file’s own VTIMEZONE', () => {
		const parsed = withIcalJs(feed());
		expect(parsed.method).toBe('PUBLISH');
		expect(parsed.name).toBe('Kalender von Kim');
		expect(parsed.entries.map((e) => e.start)).toEqual(INSTANTS);
		expect(parsed.entries[0]!.summary).toBe(entry(0, 0).summary);
		expect(parsed.entries.map((e) => e.status)).toEqual(
			INSTANTS.map((_, i) => (i === 2 ? 'CANCELLED' : 'CONFIRMED'))
		);
	});

	it('node-ical reads the same instants', () => {
		const parsed = withNodeIcal(feed());
		expect(parsed.map((e) => e.start)).toEqual(INSTANTS);
		expect(parsed.map((e) => e.end)).toEqual(INSTANTS.map((t) => t + 90 * 60_000));
		expect(parsed[1]!.summary).toBe(entry(0, 1).summary);
	});

	it.skipIf(pythonIcalendarMissing !== null)(
		`python icalendar reads the same instants${pythonIcalendarMissing ? ` — SKIPPED: ${pythonIcalendarMissing}` : ''}`,
		() => {
			const parsed = withPythonIcalendar(feed());
			expect(parsed.method).toBe('PUBLISH');
			expect(parsed.entries.map((e) => e.start)).toEqual(INSTANTS);
			expect(parsed.entries.map((e) => e.uid)).toEqual(
				INSTANTS.map((_, i) => `test-${i}@kreativlotse.example`)
			);
		}
	);
});
