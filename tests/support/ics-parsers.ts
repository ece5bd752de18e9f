import { spawnSync } from 'node:child_process';
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { expect } from 'vitest';

/**
 * Three independent iCalendar parsers for tests: ical.js (resolving TZID with the file's own
 * VTIMEZONE), node-ical (its own time-zone handling) and Python's icalendar (Debian's
 * python3-icalendar; tests using it skip with a message when it is not installed). Each gives
 * the entries as { uid, start, end, status, summary } with instants in epoch milliseconds.
 */
export interface ParsedEntry {
	uid: string;
	start: number;
	end: number;
	status: string | null;
	summary: string;
}

export function withIcalJs(text: string): {
	method: string | null;
	name: string | null;
	entries: ParsedEntry[];
} {
	const component = new ICAL.Component(ICAL.parse(text));
	ICAL.TimezoneService.reset();
	for (const tz of component.getAllSubcomponents('vtimezone')) {
		const zone = new ICAL.Timezone(tz);
		ICAL.TimezoneService.register(zone, zone.tzid);
	}
	return {
		method: (component.getFirstPropertyValue('method') as string | null) ?? null,
		name: (component.getFirstPropertyValue('x-wr-calname') as string | null) ?? null,
		entries: component.getAllSubcomponents('vevent').map((v) => {
			const e = new ICAL.Event(v);
			return {
				uid: e.uid,
				start: e.startDate.toJSDate().getTime(),
				end: e.endDate.toJSDate().getTime(),
				status: (v.getFirstPropertyValue('status') as string | null) ?? null,
				summary: e.summary
			};
		})
	};
}

export function withNodeIcal(text: string): ParsedEntry[] {
	const data = nodeIcal.sync.parseICS(text);
	return Object.values(data)
		.filter((c): c is nodeIcal.VEvent => c?.type === 'VEVENT')
		.map((e) => ({
			uid: e.uid,
			start: new Date(e.start as Date).getTime(),
			end: new Date(e.end as Date).getTime(),
			status: (e.status as string | undefined) ?? null,
			summary: typeof e.summary === 'string' ? e.summary : String((e.summary as { val?: string })?.val ?? '')
		}));
}

const PYTHON = `
import sys, json
from datetime import timezone
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.buffer.read())
out = []
for c in cal.walk('VEVENT'):
    ms = lambda p: int(c.decoded(p).astimezone(timezone.utc).timestamp() * 1000)
    out.append({'uid': str(c.get('UID')), 'start': ms('DTSTART'), 'end': ms('DTEND'),
                'status': str(c.get('STATUS')) if c.get('STATUS') else None, 'summary': str(c.get('SUMMARY'))})
print(json.dumps({'method': str(cal.get('METHOD')), 'entries': out}))
`;

// Debian's package lives in the system Python; a pyenv or venv python3 earlier in PATH lacks it.
const python = ['python3', '/usr/bin/python3'].find(
	(p) => spawnSync(p, ['-c', 'import icalendar'], { encoding: 'utf8' }).status === 0
);

export const pythonIcalendarMissing: string | null = python
	? null
	: 'python3-icalendar is not installed (apt-get install -y python3-icalendar); the Python parser check is skipped';

export function withPythonIcalendar(text: string): { method: string; entries: ParsedEntry[] } {
	if (!python) throw new Error(pythonIcalendarMissing ?? 'no python');
	const r = spawnSync(python, ['-c', PYTHON], { input: text, encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`python icalendar refused the file: ${r.stderr}`);
	return JSON.parse(r.stdout);
}

/** What RFC 5545 asks of the text itself: CRLF after every line (the last too), lines ≤ 75 octets. */
export function lineProblems(text: string): string[] {
	const out: string[] = [];
	if (!text.endsWith('\r\n')) out.push('does not end with CRLF');
	if (/[^\r]\n/.test(text)) out.push('a line ends with a bare LF');
	for (const line of text.split('\r\n'))
		if (new TextEncoder().encode(line).length > 75) out.push(`line over 75 octets: ${line.slice(0, 30)}`);
	return out;
}

/**
 * The two independent readers of a calendar file every calendar test asks: node-ical and, where it
 * is installed, Python's icalendar must both read exactly these start instants.
 */
export function expectStartsReadAlike(text: string, starts: number[]): void {
	expect(withNodeIcal(text).map((e) => e.start)).toEqual(starts);
	if (!pythonIcalendarMissing) expect(withPythonIcalendar(text).entries.map((e) => e.start)).toEqual(starts);
}
