import { DAY } from '../../time/durations';
import type { Db } from '../db/transaction';
import { purgeExpiredSessions } from './sessions';
import { timeStep } from './totp';

/** Removes expired sessions, used or expired link tokens and stale throttle rows. */
export async function purgeExpiredAuthState(db: Db, now: Date): Promise<void> {
	const t = now.getTime();
	await purgeExpiredSessions(db, now);
	await db
		.deleteFrom('auth_token')
		.where('expires_at', '<=', t - DAY)
		.execute();
	await db
		.deleteFrom('throttle')
		.where('blocked_until', '<=', t)
		.where('window_start', '<=', t - DAY)
		.execute();
	await db
		.deleteFrom('rate_counter')
		.where('window_start', '<=', t - DAY)
		.execute();
}

/**
 * End-to-end tooling only (routes/e2e/uhr): after the server clock was moved forward and back,
 * second-factor codes used in the moved time sit in the future, and the replay guard
 * (`totp_last_step` only grows) would lock those accounts until real time catches up.
 */
export async function forgetFutureTotpSteps(db: Db, now: Date): Promise<number> {
	const res = await db
		.updateTable('staff_user')
		.set({ totp_last_step: null })
		.where('totp_last_step', '>', timeStep(now))
		.executeTakeFirst();
	return Number(res.numUpdatedRows);
}
