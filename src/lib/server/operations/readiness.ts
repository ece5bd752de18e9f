import { sql } from 'kysely';
import { migrationState } from '../db/migrate';
import type { Services } from '../runtime';

type Migrations = Awaited<ReturnType<typeof migrationState>> | 'unknown';

/**
 * The migration check reads the whole schema, so its answer is kept: "current" for a minute
 * (a newer instance migrating the shared database shows up within that minute), anything else is
 * checked again on the next call. The database itself is asked every time (`select 1`).
 */
const MIGRATION_CACHE_MS = 60_000;
let cached: { db: unknown; state: Migrations; at: number } | null = null;

export async function readiness(s: Services): Promise<{ ready: boolean; migrations: Migrations }> {
	try {
		await sql`select 1`.execute(s.db);
		const now = Date.now();
		if (!cached || cached.db !== s.db || cached.state !== 'current' || now - cached.at > MIGRATION_CACHE_MS) {
			cached = { db: s.db, state: await migrationState(s.db), at: now };
		}
		return { ready: cached.state === 'current', migrations: cached.state };
	} catch {
		return { ready: false, migrations: 'unknown' };
	}
}
