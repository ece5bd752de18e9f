/**
 * Berlin wall clock ↔ instants, the one place that converts: every office works in Europe/Berlin,
 * instants are stored as epoch ms UTC. Calendar days are 'YYYY-MM-DD', wall-clock times 'HH:MM',
 * months 'YYYY-MM'. Pure (Intl only), independent of the process time zone (the suite runs under
 * TZ=Pacific/Chatham), usable on server and client alike.
 */
import { DAY, HOUR, MINUTE } from './durations';

export const BERLIN_TIME_ZONE = 'Europe/Berlin';

/** A calendar day as forms and URLs write it (not yet checked against the calendar: isIsoDay). */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** A wall-clock time 'HH:MM', 00:00 to 23:59. */
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

// Pure: a bundle that imports only the zone's name leaves the formatter out.
const berlinParts = /* @__PURE__ */ new Intl.DateTimeFormat('en-US', {
	timeZone: BERLIN_TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: 'numeric',
	day: 'numeric',
	hour: 'numeric',
	minute: 'numeric'
});

// Berlin changes offset only on a full UTC hour, so the offset is constant within one; a
// bounded memo keeps slot computation fast without making results depend on call order.
const offsetMemo = new Map<number, number>();

/** How far Berlin's wall clock is ahead of UTC at this instant, in ms (1 h in winter, 2 h in summer). */
export function berlinOffset(instant: number): number {
	const hourKey = Math.floor(instant / HOUR);
	const known = offsetMemo.get(hourKey);
	if (known !== undefined) return known;
	let year = 0;
	let month = 1;
	let day = 1;
	let hour = 0;
	let minute = 0;
	for (const part of berlinParts.formatToParts(hourKey * HOUR)) {
		const v = Number(part.value);
		if (part.type === 'year') year = v;
		else if (part.type === 'month') month = v;
		else if (part.type === 'day') day = v;
		else if (part.type === 'hour') hour = v;
		else if (part.type === 'minute') minute = v;
	}
	const offset = Date.UTC(year, month - 1, day, hour, minute) - hourKey * HOUR;
	if (offsetMemo.size > 50_000) offsetMemo.clear();
	offsetMemo.set(hourKey, offset);
	return offset;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

function parseDate(date: string): [number, number, number] {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!m) throw new RangeError(`not a date: ${date}`);
	return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** 'HH:MM' -> minutes after midnight. */
export function timeToMinutes(time: string): number {
	const m = /^(\d{2}):(\d{2})$/.exec(time);
	if (!m) throw new RangeError(`not a time: ${time}`);
	return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes after midnight -> 'HH:MM'. */
export function minutesToTime(minutes: number): string {
	return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** The date as if its wall clock were UTC: days since the epoch × DAY. */
function dateToUtcMidnight(date: string): number {
	const [y, m, d] = parseDate(date);
	return Date.UTC(y, m - 1, d);
}

function utcMidnightToDate(ms: number): string {
	const d = new Date(ms);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** True for a real calendar day written as YYYY-MM-DD (2026-02-29 is not one). */
export function isIsoDay(value: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return (
		d.getUTCFullYear() === Number(m[1]) &&
		d.getUTCMonth() === Number(m[2]) - 1 &&
		d.getUTCDate() === Number(m[3])
	);
}

/** 'YYYY-MM-DD' n calendar days after (or before) a date. */
export function addDays(date: string, n: number): string {
	return utcMidnightToDate(dateToUtcMidnight(date) + n * DAY);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
	const day = new Date(dateToUtcMidnight(date)).getUTCDay();
	return day === 0 ? 7 : day;
}

/** The Berlin calendar date of an instant, 'YYYY-MM-DD'. */
export function berlinDate(instant: number | Date): string {
	const ms = typeof instant === 'number' ? instant : instant.getTime();
	return utcMidnightToDate(Math.floor((ms + berlinOffset(ms)) / DAY) * DAY);
}

/** The Berlin wall-clock time of an instant, 'HH:MM'. */
export function berlinTime(instant: number | Date): string {
	const ms = typeof instant === 'number' ? instant : instant.getTime();
	const wall = ms + berlinOffset(ms);
	return minutesToTime(Math.floor((wall - Math.floor(wall / DAY) * DAY) / MINUTE));
}

/** The Berlin month of an instant, 'YYYY-MM'. */
export function berlinMonth(instant: number | Date): string {
	return berlinDate(instant).slice(0, 7);
}

/**
 * The instant of a Berlin wall-clock time. Offset search: the true offset is one the zone has
 * within a few hours of the wall time read as UTC; a candidate is right when the instant it
 * gives has that very offset. Ambiguous times (the repeated hour in October) take the first
 * occurrence; times in the skipped hour (March) move forward by the gap, as clocks do.
 */
function wallToInstant(wallAsUtc: number): number {
	const before = berlinOffset(wallAsUtc - 3 * HOUR);
	const after = berlinOffset(wallAsUtc + 3 * HOUR);
	let best: number | null = null;
	for (const candidate of before === after ? [before] : [before, after]) {
		const t = wallAsUtc - candidate;
		if (berlinOffset(t) === candidate && (best === null || t < best)) best = t;
	}
	return best ?? wallAsUtc - before;
}

/** The instant of 'HH:MM' on 'YYYY-MM-DD' in Berlin, epoch ms UTC. Throws RangeError on malformed input. */
export function berlinInstant(date: string, time: string): number {
	return berlinMinuteInstant(date, timeToMinutes(time));
}

/** The instant `minutes` wall-clock minutes after midnight on a Berlin date (slot cutting counts in minutes). */
export function berlinMinuteInstant(date: string, minutes: number): number {
	return wallToInstant(dateToUtcMidnight(date) + minutes * MINUTE);
}

/**
 * The instant at which a Berlin calendar day begins. Midnight always exists in Berlin (the
 * clocks change at 02:00/03:00), so there is exactly one answer.
 */
export function berlinDayStart(day: string): number {
	if (!isIsoDay(day)) throw new RangeError(`not a calendar day: ${day}`);
	return berlinInstant(day, '00:00');
}

/** The instant the following Berlin day begins: the exclusive end of `day` (23 or 25 hours later on DST days). */
export function berlinDayEnd(day: string): number {
	if (!isIsoDay(day)) throw new RangeError(`not a calendar day: ${day}`);
	return berlinInstant(addDays(day, 1), '00:00');
}

/** 'YYYY-MM' n months after (or before) a month. */
export function addMonths(month: string, n: number): string {
	const y = Number(month.slice(0, 4));
	const m = Number(month.slice(5, 7)) - 1 + n;
	const yy = y + Math.floor(m / 12);
	const mm = ((m % 12) + 12) % 12;
	return `${yy}-${pad(mm + 1)}`;
}

/** The first instant of a Berlin month 'YYYY-MM' and of the month after. */
export function berlinMonthRange(month: string): { from: number; to: number } {
	return {
		from: berlinInstant(`${month}-01`, '00:00'),
		to: berlinInstant(`${addMonths(month, 1)}-01`, '00:00')
	};
}
