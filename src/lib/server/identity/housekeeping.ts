import type { Db } from '../db/transaction';
import { DAY } from '../platform/clock';
import { purgeExpiredSessions } from './sessions';

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
