/**
 * Dates and times as people in the offices read them: always Europe/Berlin, whatever zone the
 * server or the browser runs in. Pure functions, usable on server and client alike.
 */
import type { Locale } from '../i18n/locale';

export const DISPLAY_TIME_ZONE = 'Europe/Berlin';

type Instant = Date | number;

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Locale, kind: 'datetime' | 'date' | 'time'): Intl.DateTimeFormat {
	const key = `${lang}:${kind}`;
	let f = cache.get(key);
	if (!f) {
		const tag = lang === 'de' ? 'de-DE' : 'en-GB';
		const date = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
		const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
		const options: Intl.DateTimeFormatOptions =
			kind === 'date' ? date : kind === 'time' ? time : { ...date, ...time };
		f = new Intl.DateTimeFormat(tag, { ...options, timeZone: DISPLAY_TIME_ZONE });
		cache.set(key, f);
	}
	return f;
}

const toDate = (value: Instant) => (typeof value === 'number' ? new Date(value) : value);

/** '15.06.2026, 10:00' (de) or '15/06/2026, 10:00' (en), in Berlin time. */
export function formatDateTime(value: Instant, lang: Locale): string {
	return formatter(lang, 'datetime').format(toDate(value));
}

export function formatDate(value: Instant, lang: Locale): string {
	return formatter(lang, 'date').format(toDate(value));
}

export function formatTime(value: Instant, lang: Locale): string {
	return formatter(lang, 'time').format(toDate(value));
}

/** Machine-readable value for `<time datetime>`: the instant in UTC. */
export function isoInstant(value: Instant): string {
	return toDate(value).toISOString();
}

const offsetFormatter = new Intl.DateTimeFormat('en-US', {
	timeZone: DISPLAY_TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: 'numeric',
	day: 'numeric',
	hour: 'numeric',
	minute: 'numeric',
	second: 'numeric'
});

/** How far Berlin's wall clock is ahead of UTC at this instant, in milliseconds. */
function berlinOffsetMs(epochMs: number): number {
	const parts = Object.fromEntries(
		offsetFormatter.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value])
	) as Record<string, string>;
	const wall = Date.UTC(
		Number(parts.year),
		Number(parts.month) - 1,
		Number(parts.day),
		Number(parts.hour),
		Number(parts.minute),
		Number(parts.second)
	);
	return wall - Math.floor(epochMs / 1000) * 1000;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written as YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
	const m = DAY_PATTERN.exec(value);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return (
		d.getUTCFullYear() === Number(m[1]) &&
		d.getUTCMonth() === Number(m[2]) - 1 &&
		d.getUTCDate() === Number(m[3])
	);
}

/**
 * The instant (epoch ms) at which a Berlin calendar day begins. Midnight always exists in
 * Berlin (the clocks change at 02:00/03:00), so there is exactly one answer.
 */
export function berlinDayStart(day: string): number {
	if (!isIsoDay(day)) throw new RangeError(`not a calendar day: ${day}`);
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	const wallMidnight = Date.UTC(y, m - 1, d);
	let guess = wallMidnight - berlinOffsetMs(wallMidnight);
	// A second pass settles days where the offset at the first guess differs (DST weeks).
	guess = wallMidnight - berlinOffsetMs(guess);
	return guess;
}

/** The instant the following Berlin day begins: the exclusive end of `day`. */
export function berlinDayEnd(day: string): number {
	if (!isIsoDay(day)) throw new RangeError(`not a calendar day: ${day}`);
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
	return berlinDayStart(next);
}
