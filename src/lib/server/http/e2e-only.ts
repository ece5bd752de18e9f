import { error } from '@sveltejs/kit';
import { e2eClockEnabled } from '../boot';
import type { Clock } from '../platform/clock';
import { services } from '../runtime';

/** Test tooling for the end-to-end suite: answers 404 unless KL_E2E=1 outside production. */
export function requireE2e(): void {
	if (!e2eClockEnabled(services().config.production)) error(404, { message: 'not found' });
}

export type MovableClock = Clock & { advance(ms: number): void; reset(): void; offsetMs(): number };

export function movableClock(): MovableClock {
	requireE2e();
	const clock = services().clock as Partial<MovableClock>;
	if (typeof clock.advance !== 'function') error(404, { message: 'not found' });
	return clock as MovableClock;
}
