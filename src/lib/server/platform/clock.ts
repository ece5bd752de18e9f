/**
 * Time is injected everywhere it matters. Rules take `now` as an argument; commands get a
 * Clock. Instants are stored as epoch milliseconds (UTC) and shown in Europe/Berlin.
 */
export interface Clock {
	now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and move. */
export function fixedClock(
	start: Date | string
): Clock & { set(d: Date | string): void; advance(ms: number): void } {
	let current = new Date(start);
	return {
		now: () => new Date(current),
		set(d) {
			current = new Date(d);
		},
		advance(ms) {
			current = new Date(current.getTime() + ms);
		}
	};
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const OFFICE_TIME_ZONE = 'Europe/Berlin';
