/**
 * ISO 8601 with the Europe/Berlin offset, as the JSON API returns instants:
 * `2026-07-01T09:00:00+02:00` (summer) or `2026-01-15T09:00:00+01:00` (winter). A reader sees
 * the office's wall-clock time and can still compute the exact instant. Pure; any TZ.
 */
import { HOUR } from '../time/durations';

const parts = new Intl.DateTimeFormat('en-US', {
	timeZone: 'Europe/Berlin',
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Offsets by UTC hour: Berlin's offset only ever changes on a full UTC hour (01:00 UTC). */
const offsetCache = new Map<number, number>();

function offsetMinutes(ms: number): number {
	const hour = Math.floor(ms / HOUR);
	let offset = offsetCache.get(hour);
	if (offset === undefined) {
		const at = hour * HOUR;
		const p = Object.fromEntries(parts.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
		const wall = Date.UTC(
			Number(p.year),
			Number(p.month) - 1,
			Number(p.day),
			Number(p.hour),
			Number(p.minute),
			Number(p.second)
		);
		offset = Math.round((wall - at) / 60_000);
		if (offsetCache.size > 50_000) offsetCache.clear();
		offsetCache.set(hour, offset);
	}
	return offset;
}

export function isoBerlin(instant: number | Date): string {
	const ms = Math.floor((typeof instant === 'number' ? instant : instant.getTime()) / 1000) * 1000;
	const offset = offsetMinutes(ms);
	const wall = new Date(ms + offset * 60_000);
	const sign = offset < 0 ? '-' : '+';
	const abs = Math.abs(offset);
	return (
		`${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
		`T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}` +
		`${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
	);
}
