/**
 * Pure decisions for login throttling and rate counters. No I/O, no clock: `now` (epoch ms)
 * is always an argument, so every rule is a row in a data table (throttle-rules.test.ts).
 *
 * A throttle counts failures per key (an account, a client address) within a window. When
 * the count reaches the limit the key is blocked for a while; each further block (a "strike")
 * doubles the wait, up to a cap. Blocks always end: an account is never locked for good, so an
 * attacker cannot lock a colleague out for longer than the cap.
 */
import { MINUTE } from '../../time/durations';

export interface ThrottleState {
	failures: number;
	windowStart: number;
	blockedUntil: number;
	strikes: number;
}

export interface ThrottlePolicy {
	/** Failures within `windowMs` that trigger a block. */
	limit: number;
	windowMs: number;
	/** The first block; every further strike doubles it … */
	firstBlockMs: number;
	/** … up to this cap. */
	maxBlockMs: number;
	/** Strikes are forgotten after this long without failures or blocks. */
	strikeMemoryMs: number;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A command's refusal while its key is blocked or counted out: when to try again. */
export type Throttled = { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/** 15-minute window, blocks of 1, 2, 4, 8, then 15 minutes at most; strikes forgotten after a day. */
export function loginPolicy(limit: number): ThrottlePolicy {
	return {
		limit,
		windowMs: 15 * MINUTE,
		firstBlockMs: MINUTE,
		maxBlockMs: 15 * MINUTE,
		strikeMemoryMs: 24 * 60 * MINUTE
	};
}

function secondsUntil(until: number, now: number): number {
	return Math.max(1, Math.ceil((until - now) / 1000));
}

/** May the key try now? A missing row means "never failed". */
export function decide(state: ThrottleState | null, now: number): ThrottleDecision {
	if (!state || state.blockedUntil <= now) return { allowed: true };
	return { allowed: false, retryAfterSeconds: secondsUntil(state.blockedUntil, now) };
}

/** How long the n-th block (n ≥ 1) lasts: doubling, capped. */
export function blockDuration(strikes: number, policy: ThrottlePolicy): number {
	const n = Math.min(Math.max(strikes, 1), 30);
	return Math.min(policy.firstBlockMs * 2 ** (n - 1), policy.maxBlockMs);
}

/** The state after one more failure. Reaching the limit blocks and starts a fresh count. */
export function afterFailure(
	state: ThrottleState | null,
	policy: ThrottlePolicy,
	now: number
): ThrottleState {
	let strikes = state?.strikes ?? 0;
	if (state && now - Math.max(state.blockedUntil, state.windowStart) >= policy.strikeMemoryMs) strikes = 0;
	const fresh = !state || now - state.windowStart >= policy.windowMs;
	const failures = (fresh ? 0 : state.failures) + 1;
	if (failures >= policy.limit) {
		const next = Math.min(strikes + 1, 30);
		return { failures: 0, windowStart: now, blockedUntil: now + blockDuration(next, policy), strikes: next };
	}
	return {
		failures,
		windowStart: fresh ? now : state.windowStart,
		blockedUntil: state?.blockedUntil ?? 0,
		strikes
	};
}

/**
 * Rate counters (password-reset requests and the like) count hits in fixed windows:
 * the window an instant falls into, and whether one more hit is allowed.
 */
export function windowStartOf(now: number, windowMs: number): number {
	return now - (now % windowMs);
}

export function rateDecision(
	countIncludingThisHit: number,
	limit: number,
	windowStart: number,
	windowMs: number,
	now: number
): ThrottleDecision {
	if (countIncludingThisHit <= limit) return { allowed: true };
	return { allowed: false, retryAfterSeconds: secondsUntil(windowStart + windowMs, now) };
}

/** Whole minutes for a message ("wait 2 minutes"), never 0. */
export function minutesToWait(retryAfterSeconds: number): number {
	return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}
