import { PostgresAdapter, sql } from 'kysely';
import { HOUR } from '../../time/durations';
import type { Db, Tx } from '../db/transaction';
import type { Config } from '../platform/config';
import { hashToken } from '../platform/tokens';
import {
	afterFailure,
	decide,
	loginPolicy,
	rateDecision,
	type ThrottleDecision,
	type ThrottlePolicy,
	type ThrottleState,
	windowStartOf,
	type Throttled
} from './throttle-rules';

/**
 * Throttles and rate counters live in the database, so every app instance sees the same
 * counts (an attacker spreading attempts over instances gains nothing). The decisions are in
 * throttle-rules.ts; this file only reads and writes rows.
 */

/** Keys hold a hash, not the address or e-mail itself: the table stores no personal data. */
export function throttleKey(kind: string, value: string): string {
	return `${kind}:${hashToken(`${kind}:${value.toLowerCase()}`).slice(0, 40)}`;
}

export const keys = {
	loginAccount: (email: string) => throttleKey('login-account', email),
	loginAddress: (address: string) => throttleKey('login-address', address),
	secondFactor: (userId: number) => throttleKey('second-factor', String(userId)),
	passwordChange: (userId: number) => throttleKey('password-change', String(userId)),
	resetAddress: (address: string) => throttleKey('reset-address', address),
	resetEmail: (email: string) => throttleKey('reset-email', email)
};

export function policies(
	config: Pick<Config, 'loginAccountLimit' | 'loginAddressLimit' | 'publicFormLimit'>
) {
	return {
		account: loginPolicy(config.loginAccountLimit),
		address: loginPolicy(config.loginAddressLimit),
		/** Password-reset requests per client address and hour. */
		resetPerAddress: { limit: config.publicFormLimit, windowMs: HOUR },
		/** Password-reset mails per e-mail address and hour. */
		resetPerEmail: { limit: 3, windowMs: HOUR }
	};
}

function isPostgres(db: Db | Tx): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}

async function readState(db: Db | Tx, key: string): Promise<ThrottleState | null> {
	const row = await db.selectFrom('throttle').selectAll().where('key', '=', key).executeTakeFirst();
	if (!row) return null;
	return {
		failures: row.failures,
		windowStart: row.window_start,
		blockedUntil: row.blocked_until,
		strikes: row.strikes
	};
}

/** Is the key blocked right now? Reads only. */
export async function throttleStatus(db: Db | Tx, key: string, now: Date): Promise<ThrottleDecision> {
	return decide(await readState(db, key), now.getTime());
}

/** The stricter of several decisions: blocked if any is, with the longest wait. */
export function strictest(...decisions: ThrottleDecision[]): ThrottleDecision {
	let wait = 0;
	for (const d of decisions) if (!d.allowed) wait = Math.max(wait, d.retryAfterSeconds);
	return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
}

/**
 * What an attempt that just failed answers: its own refusal while the key still allows tries,
 * "throttled" with the wait once this failure blocked it.
 */
export function refusalAfter<R extends string>(
	after: ThrottleDecision,
	reason: R
): { ok: false; reason: R } | Throttled {
	if (after.allowed) return { ok: false, reason };
	return { ok: false, reason: 'throttled', retryAfterSeconds: after.retryAfterSeconds };
}

/**
 * Counts one failure and returns the decision that now applies. Must run inside a transaction:
 * the row is created if missing, then locked (PostgreSQL `for update`; SQLite transactions
 * begin IMMEDIATE and so are serialised already), so parallel failures never lose a count.
 */
export async function recordFailure(
	trx: Tx,
	key: string,
	policy: ThrottlePolicy,
	now: Date
): Promise<ThrottleDecision> {
	const t = now.getTime();
	await trx
		.insertInto('throttle')
		.values({ key, failures: 0, window_start: t, blocked_until: 0, strikes: 0 })
		.onConflict((oc) => oc.column('key').doNothing())
		.execute();
	const query = trx.selectFrom('throttle').selectAll().where('key', '=', key);
	const row = await (isPostgres(trx) ? query.forUpdate() : query).executeTakeFirstOrThrow();
	const next = afterFailure(
		{
			failures: row.failures,
			windowStart: row.window_start,
			blockedUntil: row.blocked_until,
			strikes: row.strikes
		},
		policy,
		t
	);
	await trx
		.updateTable('throttle')
		.set({
			failures: next.failures,
			window_start: next.windowStart,
			blocked_until: next.blockedUntil,
			strikes: next.strikes
		})
		.where('key', '=', key)
		.execute();
	return decide(next, t);
}

/** A success forgets the failures of that key (strikes included). */
export async function clearThrottle(db: Db | Tx, key: string): Promise<void> {
	await db.deleteFrom('throttle').where('key', '=', key).execute();
}

/**
 * Counts one hit in the current fixed window and says whether it is within the limit. One
 * atomic upsert, so parallel hits from several instances are all counted.
 */
export async function countHit(
	db: Db | Tx,
	key: string,
	limit: { limit: number; windowMs: number },
	now: Date
): Promise<ThrottleDecision> {
	const t = now.getTime();
	const windowStart = windowStartOf(t, limit.windowMs);
	const row = await db
		.insertInto('rate_counter')
		.values({ key, window_start: windowStart, count: 1 })
		.onConflict((oc) =>
			oc.columns(['key', 'window_start']).doUpdateSet({ count: sql<number>`rate_counter.count + 1` })
		)
		.returning('count')
		.executeTakeFirstOrThrow();
	return rateDecision(Number(row.count), limit.limit, windowStart, limit.windowMs, t);
}
