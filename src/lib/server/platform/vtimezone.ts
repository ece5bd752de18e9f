/**
 * A VTIMEZONE (RFC 5545 §3.6.5) derived from the time-zone rules the runtime knows (Intl, i.e.
 * the IANA database shipped with Node), not written by hand: the actual UTC-offset transitions
 * of the zone in the years asked for, each as its own STANDARD/DAYLIGHT block. When the rules
 * change (a country abolishes DST), a new Node release changes the output, not our code.
 */

import { MINUTE, DAY } from '../../time/durations';

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const nameFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset in minutes at an instant. */
export function utcOffsetMinutes(timeZone: string, instant: number): number {
	let f = offsetFormats.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
		offsetFormats.set(timeZone, f);
	}
	const name = f.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
	const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
	if (!m) return 0;
	return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The zone's abbreviation at an instant (CET, CEST), as en-GB writes it. */
function abbreviation(timeZone: string, instant: number): string {
	let f = nameFormats.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' });
		nameFormats.set(timeZone, f);
	}
	return f.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

export interface Transition {
	/** The first instant with the new offset. */
	at: number;
	from: number;
	to: number;
}

/** Offset changes in [start, end): found day by day, then narrowed to the minute. */
export function transitions(timeZone: string, start: number, end: number): Transition[] {
	const out: Transition[] = [];
	let prev = utcOffsetMinutes(timeZone, start);
	for (let t = start + DAY; t <= end + DAY; t += DAY) {
		const now = utcOffsetMinutes(timeZone, t);
		if (now === prev) continue;
		let lo = t - DAY;
		let hi = t;
		while (hi - lo > MINUTE) {
			const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
			if (utcOffsetMinutes(timeZone, mid) === prev) lo = mid;
			else hi = mid;
		}
		if (hi >= start && hi < end) out.push({ at: hi, from: prev, to: now });
		prev = now;
	}
	return out;
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
const offsetText = (minutes: number) =>
	`${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}${pad(minutes % 60)}`;

/** A local date-time (no zone) as iCalendar writes it: YYYYMMDDTHHMMSS. */
function localText(instant: number, offsetMinutes: number): string {
	const d = new Date(instant + offsetMinutes * MINUTE);
	return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/**
 * The VTIMEZONE lines covering the years `fromYear`..`toYear` (UTC years): the offset in force
 * at the start as a first block, then one block per transition. A transition to a larger offset
 * is DAYLIGHT, to a smaller one STANDARD. DTSTART is the wall-clock time before the change
 * (in TZOFFSETFROM), as RFC 5545 requires.
 */
export function vtimezoneLines(timeZone: string, fromYear: number, toYear: number): string[] {
	const start = Date.UTC(fromYear, 0, 1);
	const end = Date.UTC(toYear + 1, 0, 1);
	const found = transitions(timeZone, start, end);
	const initial = utcOffsetMinutes(timeZone, start);
	const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
	const block = (kind: 'STANDARD' | 'DAYLIGHT', at: number, from: number, to: number) => [
		`BEGIN:${kind}`,
		`DTSTART:${localText(at, from)}`,
		`TZOFFSETFROM:${offsetText(from)}`,
		`TZOFFSETTO:${offsetText(to)}`,
		`TZNAME:${abbreviation(timeZone, at)}`,
		`END:${kind}`
	];
	// Before the first change: the zone's offset in force on 1 January, as a block of its own
	// kind (standard if the first change goes up, i.e. winter time in the north).
	const firstUp = found.length === 0 || found[0]!.to > found[0]!.from;
	lines.push(...block(firstUp ? 'STANDARD' : 'DAYLIGHT', start, initial, initial));
	for (const t of found) lines.push(...block(t.to > t.from ? 'DAYLIGHT' : 'STANDARD', t.at, t.from, t.to));
	lines.push('END:VTIMEZONE');
	return lines;
}
