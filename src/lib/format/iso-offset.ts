/**
 * ISO 8601 with the Europe/Berlin offset, as the JSON API returns instants:
 * `2026-07-01T09:00:00+02:00` (summer) or `2026-01-15T09:00:00+01:00` (winter). A reader sees
 * the office's wall-clock time and can still compute the exact instant. Pure; any TZ.
 */
import { berlinOffset } from '../time/berlin';
import { MINUTE } from '../time/durations';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isoBerlin(instant: number | Date): string {
	const ms = Math.floor((typeof instant === 'number' ? instant : instant.getTime()) / 1000) * 1000;
	const offset = Math.round(berlinOffset(ms) / MINUTE);
	const wall = new Date(ms + offset * MINUTE);
	const sign = offset < 0 ? '-' : '+';
	const abs = Math.abs(offset);
	return (
		`${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
		`T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}` +
		`${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
	);
}
