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

/**
 * The real time plus an offset that can only be moved by the end-to-end suite (boot.ts uses it
 * when KL_E2E=1 outside production), so a journey can jump four weeks ahead and see the
 * check-in mail. One process only: the offset lives in memory on purpose, it is test tooling.
 */
export function offsetClock(): Clock & { advance(ms: number): void; reset(): void; offsetMs(): number } {
	let offset = 0;
	return {
		now: () => new Date(Date.now() + offset),
		advance(ms) {
			offset += ms;
		},
		reset() {
			offset = 0;
		},
		offsetMs: () => offset
	};
}
