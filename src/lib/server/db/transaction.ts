import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema';

export type Tx = Transaction<DB>;
export type Db = Kysely<DB>;

/** PostgreSQL's "could not serialize" and "deadlock detected": safe to run again. */
const RETRYABLE = new Set(['40001', '40P01']);

/**
 * The one owner of transactions. On SQLite every transaction begins IMMEDIATE (see client.ts);
 * on PostgreSQL `serializable: true` runs it SERIALIZABLE and retries on a serialisation
 * failure, so a check-then-write cannot interleave with another instance's.
 */
export async function transact<T>(
	db: Db,
	work: (trx: Tx) => Promise<T>,
	options: { serializable?: boolean; attempts?: number } = {}
): Promise<T> {
	const attempts = options.attempts ?? 5;
	for (let attempt = 1; ; attempt++) {
		try {
			let builder = db.transaction();
			if (options.serializable) builder = builder.setIsolationLevel('serializable');
			return await builder.execute(work);
		} catch (err) {
			const code = (err as { code?: string }).code;
			if (!code || !RETRYABLE.has(code) || attempt >= attempts) throw err;
			await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
		}
	}
}

/**
 * A command's transaction with the clock read once before it begins: every row and audit entry
 * it writes carries that one instant, retries included.
 */
export function transactNow<T>(
	services: { db: Db; clock: { now(): Date } },
	work: (trx: Tx, now: Date) => Promise<T>,
	options?: { serializable?: boolean; attempts?: number }
): Promise<T> {
	const now = services.clock.now();
	return transact(services.db, (trx) => work(trx, now), options);
}

/** Unique-constraint violations look different on each driver; callers only need yes or no. */
export function isUniqueViolation(err: unknown): boolean {
	const e = err as { code?: string };
	return (
		e?.code === '23505' ||
		e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
		e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
	);
}
