/**
 * Retention periods and session lifetimes as people read them ("12 Monate", "90 Tage",
 * "30 minutes"): the privacy notice states the configured figures, not hand-written ones.
 * Pure, usable on server and client alike (Intl unit formatting, so no catalogue entries).
 */
import type { Locale } from '../i18n/locale';

type Unit = 'day' | 'month' | 'minute' | 'hour';

/** An average month; a period within a day of whole months reads as months. */
const MONTH_DAYS = 365.25 / 12;

const cache = new Map<string, Intl.NumberFormat>();

function amount(lang: Locale, unit: Unit, n: number): string {
	const key = `${lang}:${unit}`;
	let f = cache.get(key);
	if (!f) {
		f = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
			style: 'unit',
			unit,
			unitDisplay: 'long'
		});
		cache.set(key, f);
	}
	return f.format(n);
}

/**
 * A period in days: whole months from two months on (365 -> "12 Monate", 182 -> "6 Monate",
 * 730 -> "24 Monate"), otherwise days (90 -> "90 Tage", 1 -> "1 Tag"). Months only when the
 * rounding moves the figure by at most one day, so the notice never promises a shorter period
 * by more than that.
 */
export function formatPeriodDays(days: number, lang: Locale): string {
	const months = Math.round(days / MONTH_DAYS);
	if (months >= 2 && Math.abs(months * MONTH_DAYS - days) <= 1) return amount(lang, 'month', months);
	return amount(lang, 'day', days);
}

export function formatMinutes(minutes: number, lang: Locale): string {
	return amount(lang, 'minute', minutes);
}

export function formatHours(hours: number, lang: Locale): string {
	return amount(lang, 'hour', hours);
}
