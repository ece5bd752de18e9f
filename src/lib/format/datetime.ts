/**
 * Dates and times as people in the offices read them: always Europe/Berlin, whatever zone the
 * server or the browser runs in. Pure functions, usable on server and client alike.
 */
import type { Locale } from '../i18n/locale';
import { BERLIN_TIME_ZONE } from '../time/berlin';

type Instant = Date | number;

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Locale, kind: 'datetime' | 'date' | 'time' | 'weekday'): Intl.DateTimeFormat {
	const key = `${lang}:${kind}`;
	let f = cache.get(key);
	if (!f) {
		const tag = lang === 'de' ? 'de-DE' : 'en-GB';
		const date = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
		const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
		const options: Intl.DateTimeFormatOptions =
			kind === 'weekday'
				? { weekday: 'long' }
				: kind === 'date'
					? date
					: kind === 'time'
						? time
						: { ...date, ...time };
		f = new Intl.DateTimeFormat(tag, { ...options, timeZone: BERLIN_TIME_ZONE });
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

/** 'Montag' (de) or 'Monday' (en): the Berlin day of the week. */
export function formatWeekday(value: Instant, lang: Locale): string {
	return formatter(lang, 'weekday').format(toDate(value));
}

/** Machine-readable value for `<time datetime>`: the instant in UTC. */
export function isoInstant(value: Instant): string {
	return toDate(value).toISOString();
}
