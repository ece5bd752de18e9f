import type { Clock } from '../platform/clock';
import { type Db, transact, type Tx } from './transaction';

/**
 * A command's transaction with its one instant: `now` is read once from the clock before the
 * transaction begins, and every row and audit entry the work writes carries it. (The step most
 * commands open with: `const now = clock.now(); return transact(db, …)`.)
 */
export function transactNow<T>(
	services: { db: Db; clock: Clock },
	work: (trx: Tx, now: Date) => Promise<T>
): Promise<T> {
	const now = services.clock.now();
	return transact(services.db, (trx) => work(trx, now));
}
