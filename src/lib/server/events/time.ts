/**
 * Berlin wall clock ↔ instants for the event forms (date + HH:MM typed by staff). Pure, via
 * Intl, independent of the process time zone.
 */
const TIME_ZONE = 'Europe/Berlin';

const parts = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

function wall(instant: number): Record<string, string> {
	return Object.fromEntries(parts.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
}

/** Berlin's offset from UTC at an instant, in ms. */
function offsetAt(instant: number): number {
	const p = wall(instant);
	const asUtc = Date.UTC(
		Number(p.year),
		Number(p.month) - 1,
		Number(p.day),
		Number(p.hour),
		Number(p.minute),
		Number(p.second)
	);
	return asUtc - Math.floor(instant / 1000) * 1000;
}

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** 'YYYY-MM-DD' in Berlin. */
export function berlinDay(instant: number): string {
	const p = wall(instant);
	return `${p.year}-${p.month}-${p.day}`;
}

/** 'HH:MM' in Berlin. */
export function berlinClock(instant: number): string {
	const p = wall(instant);
	return `${p.hour}:${p.minute}`;
}

/** 'YYYY-MM' in Berlin. */
export function berlinMonth(instant: number): string {
	return berlinDay(instant).slice(0, 7);
}

/**
 * The instant of a Berlin wall-clock time. A time in the spring-forward gap (02:00–03:00 on the
 * last Sunday of March) is read as the same wall time after the jump; in the autumn overlap the
 * first (summer-time) occurrence is taken.
 */
export function berlinInstant(date: string, time: string): number {
	if (!DATE_PATTERN.test(date) || !TIME_PATTERN.test(time)) return Number.NaN;
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const [hh, mm] = time.split(':').map(Number) as [number, number];
	const asUtc = Date.UTC(y, m - 1, d, hh, mm);
	let guess = asUtc - offsetAt(asUtc);
	guess = asUtc - offsetAt(guess);
	const earlier = asUtc - offsetAt(guess - 3_600_000);
	// Autumn overlap: both readings show the same wall time; prefer the earlier instant.
	if (earlier < guess && berlinClock(earlier) === time && berlinDay(earlier) === date) return earlier;
	return guess;
}

/** The first instant of a Berlin month 'YYYY-MM' and of the month after. */
export function berlinMonthRange(month: string): { from: number; to: number } {
	const [y, m] = month.split('-').map(Number) as [number, number];
	const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
	return { from: berlinInstant(`${month}-01`, '00:00'), to: berlinInstant(`${next}-01`, '00:00') };
}
