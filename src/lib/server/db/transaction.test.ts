import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import Database from 'better-sqlite3';
import { isUniqueViolation, transact } from './transaction';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

describe('transact', () => {
	it('rolls back everything when the work throws', async () => {
		s = await testServices();
		await expect(
			transact(s.db, async (trx) => {
				await trx.insertInto('rate_counter').values({ key: 'k', window_start: 1, count: 1 }).execute();
				throw new Error('boom');
			})
		).rejects.toThrow('boom');
		const rows = await s.db.selectFrom('rate_counter').selectAll().execute();
		expect(rows).toHaveLength(0);
	});

	it('serialises check-then-insert: 20 parallel claims of one scarce thing give exactly one winner', async () => {
		s = await testServices();
		const db = s.db;
		// Each attempt checks whether the key is taken, then takes it — the race bookings face.
		const attempt = () =>
			transact(
				db,
				async (trx) => {
					const taken = await trx
						.selectFrom('throttle')
						.select('key')
						.where('key', '=', 'slot')
						.executeTakeFirst();
					if (taken) return false;
					await new Promise((r) => setTimeout(r, 5));
					await trx
						.insertInto('rate_counter')
						.values({ key: `winner-${Math.random()}`, window_start: 1, count: 1 })
						.execute();
					await trx
						.insertInto('throttle')
						.values({ key: 'slot', failures: 0, window_start: 0, blocked_until: 0, strikes: 0 })
						.execute();
					return true;
				},
				{ serializable: true, attempts: 50 }
			).catch((err) => {
				if (isUniqueViolation(err)) return false;
				throw err;
			});
		const results = await Promise.all(Array.from({ length: 20 }, attempt));
		expect(results.filter(Boolean)).toHaveLength(1);
		const winners = await db.selectFrom('rate_counter').selectAll().execute();
		expect(winners).toHaveLength(1);
	});

	it('on SQLite, a transaction holds the write lock from its first statement (BEGIN IMMEDIATE)', async () => {
		s = await testServices();
		if (s.dialect !== 'sqlite') return;
		const path = s.config.database.kind === 'sqlite' ? s.config.database.path : '';
		// A second connection that must not wait: it fails at once if anyone holds the write lock.
		const other = new Database(path);
		other.pragma('busy_timeout = 0');
		try {
			let otherCouldWrite: boolean | null = null;
			await transact(s.db, async (trx) => {
				// Only a read so far: with a plain (deferred) BEGIN the other writer could still start.
				await trx.selectFrom('land').select('iso').limit(1).execute();
				try {
					other.exec('begin immediate');
					other.exec('rollback');
					otherCouldWrite = true;
				} catch {
					otherCouldWrite = false;
				}
			});
			expect(otherCouldWrite).toBe(false);
		} finally {
			other.close();
		}
	});
});
