import { describe, expect, it } from 'vitest';
import { MINUTE, HOUR } from '../../time/durations';
import { safeNextPath, staffStatus, stepAfterPassword } from './login-rules';
import {
	afterFailure,
	blockDuration,
	decide,
	loginPolicy,
	minutesToWait,
	rateDecision,
	type ThrottleState,
	windowStartOf
} from './throttle-rules';

const T0 = Date.UTC(2026, 5, 15, 8, 0, 0);
const policy = loginPolicy(5);

/** Runs failures at the given minute offsets and returns the final state. */
function failAt(minutes: number[], start: ThrottleState | null = null): ThrottleState | null {
	let state = start;
	for (const m of minutes) state = afterFailure(state, policy, T0 + m * MINUTE);
	return state;
}

describe('decide', () => {
	const rows: [string, ThrottleState | null, number, ReturnType<typeof decide>][] = [
		['never failed', null, T0, { allowed: true }],
		[
			'failures but no block',
			{ failures: 4, windowStart: T0, blockedUntil: 0, strikes: 0 },
			T0,
			{ allowed: true }
		],
		[
			'blocked for 90 more seconds',
			{ failures: 0, windowStart: T0, blockedUntil: T0 + 90_000, strikes: 1 },
			T0,
			{ allowed: false, retryAfterSeconds: 90 }
		],
		[
			'blocked, part seconds round up',
			{ failures: 0, windowStart: T0, blockedUntil: T0 + 1_200, strikes: 1 },
			T0,
			{ allowed: false, retryAfterSeconds: 2 }
		],
		[
			'block ends exactly now',
			{ failures: 0, windowStart: T0, blockedUntil: T0, strikes: 1 },
			T0,
			{ allowed: true }
		]
	];
	it.each(rows)('%s', (_label, state, now, expected) => {
		expect(decide(state, now)).toEqual(expected);
	});
});

describe('blockDuration: doubling from one minute, capped at 15', () => {
	const rows: [number, number][] = [
		[1, 1],
		[2, 2],
		[3, 4],
		[4, 8],
		[5, 15],
		[6, 15],
		[30, 15],
		[1000, 15]
	];
	it.each(rows)('strike %i blocks %i minute(s)', (strikes, minutes) => {
		expect(blockDuration(strikes, policy)).toBe(minutes * MINUTE);
	});
});

describe('afterFailure', () => {
	const rows: [string, number[], Partial<ThrottleState>, boolean][] = [
		['one failure counts', [0], { failures: 1, strikes: 0, blockedUntil: 0 }, true],
		['four failures stay below the limit', [0, 1, 2, 3], { failures: 4, strikes: 0 }, true],
		[
			'the fifth failure blocks for one minute',
			[0, 1, 2, 3, 4],
			{ failures: 0, strikes: 1, blockedUntil: T0 + 5 * MINUTE },
			false
		],
		[
			'failures spread beyond the window do not add up',
			[0, 16, 32, 48, 64],
			{ failures: 1, strikes: 0 },
			true
		],
		[
			'the window starts at the first failure in it',
			[0, 14, 16],
			{ failures: 1, windowStart: T0 + 16 * MINUTE },
			true
		]
	];
	it.each(rows)('%s', (_label, minutes, expected, allowedAfter) => {
		const state = failAt(minutes)!;
		expect(state).toMatchObject(expected);
		expect(decide(state, T0 + minutes.at(-1)! * MINUTE).allowed).toBe(allowedAfter);
	});

	it('escalates 1, 2, 4, 8, 15, 15 minutes and never locks for good', () => {
		let state: ThrottleState | null = null;
		let now = T0;
		const waits: number[] = [];
		for (let round = 0; round < 6; round++) {
			for (let i = 0; i < 5; i++) {
				expect(decide(state, now).allowed).toBe(true);
				state = afterFailure(state, policy, now);
			}
			const d = decide(state, now);
			expect(d.allowed).toBe(false);
			if (!d.allowed) waits.push(d.retryAfterSeconds / 60);
			now = state!.blockedUntil;
			expect(decide(state, now).allowed).toBe(true);
		}
		expect(waits).toEqual([1, 2, 4, 8, 15, 15]);
	});

	it('forgets strikes after a quiet day', () => {
		const blocked = failAt([0, 0, 0, 0, 0, 2, 2, 2, 2, 2])!;
		expect(blocked.strikes).toBe(2);
		const later = failAt([24 * 60 + 10, 24 * 60 + 10, 24 * 60 + 10, 24 * 60 + 10, 24 * 60 + 10], blocked)!;
		expect(later.strikes).toBe(1);
		expect(later.blockedUntil).toBe(T0 + (24 * 60 + 11) * MINUTE);
	});

	it('a limit of one blocks at the first failure', () => {
		const state = afterFailure(null, loginPolicy(1), T0);
		expect(decide(state, T0)).toEqual({ allowed: false, retryAfterSeconds: 60 });
	});
});

describe('rate counters', () => {
	const rows: [string, number, number, ReturnType<typeof rateDecision>][] = [
		['first hit', 1, T0 + 10 * MINUTE, { allowed: true }],
		['hit at the limit', 3, T0 + 10 * MINUTE, { allowed: true }],
		[
			'one over the limit waits for the next window',
			4,
			T0 + 10 * MINUTE,
			{ allowed: false, retryAfterSeconds: 50 * 60 }
		],
		['over the limit late in the window', 9, T0 + HOUR - 1_000, { allowed: false, retryAfterSeconds: 1 }]
	];
	it.each(rows)('%s', (_label, count, now, expected) => {
		const start = windowStartOf(now, HOUR);
		expect(start).toBe(T0);
		expect(rateDecision(count, 3, start, HOUR, now)).toEqual(expected);
	});

	it.each([
		[1, 1],
		[59, 1],
		[60, 1],
		[61, 2],
		[900, 15]
	])('%i seconds are shown as %i minute(s)', (seconds, minutes) => {
		expect(minutesToWait(seconds)).toBe(minutes);
	});
});

describe('safeNextPath', () => {
	const rows: [string | null, string][] = [
		[null, '/intern'],
		['', '/intern'],
		['/intern/konto', '/intern/konto'],
		['/en/intern/admin/benutzer?seite=2', '/en/intern/admin/benutzer?seite=2'],
		['//evil.example/phish', '/intern'],
		['/\\evil.example', '/intern'],
		['https://evil.example/', '/intern'],
		['javascript:alert(1)', '/intern'],
		['intern', '/intern'],
		['/intern\r\nSet-Cookie: x=1', '/intern'],
		['/intern/\\\\evil', '/intern'],
		['/anmelden/zwei-faktor', '/intern'],
		['/en/abmelden', '/intern'],
		['/anmeldeliste', '/anmeldeliste'],
		[`/${'a'.repeat(1200)}`, '/intern']
	];
	it.each(rows)('%j -> %s', (raw, expected) => {
		expect(safeNextPath(raw)).toBe(expected);
	});
});

describe('small login rules', () => {
	it.each([
		[null, 'enrol'],
		[T0, 'totp']
	] as const)('TOTP enabled at %s -> %s', (enabled, step) => {
		expect(stepAfterPassword(enabled)).toBe(step);
	});
	it.each([
		[{ disabled_at: T0, password_hash: 'x' }, 'disabled'],
		[{ disabled_at: T0, password_hash: null }, 'disabled'],
		[{ disabled_at: null, password_hash: null }, 'invited'],
		[{ disabled_at: null, password_hash: 'x' }, 'active']
	] as const)('%j is %s', (user, status) => {
		expect(staffStatus(user)).toBe(status);
	});
});
