/**
 * The parameters of the catalogue's "when" texts (booking.at/when, events.at/when/whenDays), so
 * every mail names a day and an hour the same way. Europe/Berlin, like the formatters below.
 */
import type { Locale } from '../i18n/locale';
import { formatDate, formatTime, formatWeekday } from './datetime';

/** One instant: weekday, date and time. */
export function instantParams(locale: Locale, instant: number) {
	return {
		weekday: formatWeekday(instant, locale),
		date: formatDate(instant, locale),
		time: formatTime(instant, locale)
	};
}

/** A span: its first day, both times and the last day (texts for a span within one day leave that out). */
export function spanParams(locale: Locale, start: number, end: number) {
	return {
		weekday: formatWeekday(start, locale),
		date: formatDate(start, locale),
		start: formatTime(start, locale),
		endDate: formatDate(end, locale),
		end: formatTime(end, locale)
	};
}
