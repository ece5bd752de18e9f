import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dialectUnderTest, pgUrl } from '../../../../tests/support/test-database';
import { migrationModules } from './migrate';

/**
 * "Frozen: never edit after it has shipped" as a check, not a comment: every migration's
 * statements (SQL and parameters, in order) on a fresh database, as a SHA-256 per dialect, must
 * equal the one recorded when it landed. A landed database ran exactly those statements, so a
 * migration may be restructured (split into steps) but never change what it executes. A new
 * migration is recorded once: `MIGRATIONS_RECORD=1 npx vitest run src/lib/server/db/migrations-frozen.test.ts`
 * (and the same under scripts/with-pg.sh); recording never overwrites a landed entry.
 */
const FILE = new URL('./migration-statements.json', import.meta.url);
type Recorded = Record<'sqlite' | 'postgres', Record<string, string>>;
const recorded: Recorded = existsSync(FILE)
	? JSON.parse(readFileSync(FILE, 'utf8'))
	: { sqlite: {}, postgres: {} };

// A secret a migration draws (the statistics pseudonym key: 32 random bytes, base64url) differs on
// every run; it is compared by its shape, not its value.
const RANDOM_SECRET = /^[A-Za-z0-9_-]{43}$/;
const stable = (p: unknown) => (typeof p === 'string' && RANDOM_SECRET.test(p) ? '<random 32 bytes>' : p);

let statements: string[] = [];
const log = (event: { level: string; query: { sql: string; parameters: readonly unknown[] } }) => {
	if (event.level === 'query')
		statements.push(`${event.query.sql}\n${JSON.stringify(event.query.parameters.map(stable))}`);
};

const emptyPg = `kl_frozen_${process.pid}`;
async function admin(query: string) {
	const url = new URL(pgUrl!);
	url.pathname = '/postgres';
	const c = new pg.Client({ connectionString: url.toString() });
	await c.connect();
	try {
		await c.query(query);
	} finally {
		await c.end();
	}
}

async function emptyDatabase(): Promise<Kysely<any>> {
	if (!pgUrl)
		return new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(':memory:') }), log });
	await admin(`drop database if exists ${emptyPg}`);
	await admin(`create database ${emptyPg}`);
	const url = new URL(pgUrl);
	url.pathname = `/${emptyPg}`;
	return new Kysely<any>({
		dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 1 }) }),
		log
	});
}

afterAll(async () => {
	if (pgUrl) await admin(`drop database if exists ${emptyPg}`);
});

describe(`migrations are frozen (${dialectUnderTest})`, () => {
	it('runs exactly the statements recorded when each migration landed', async () => {
		const db = await emptyDatabase();
		const fingerprints: Record<string, string> = {};
		try {
			for (const [name, migration] of migrationModules) {
				statements = [];
				await migration.up(db);
				fingerprints[name] = createHash('sha256').update(statements.join('\n;\n')).digest('hex');
			}
		} finally {
			await db.destroy();
		}
		const known = recorded[dialectUnderTest];
		if (process.env.MIGRATIONS_RECORD) {
			for (const [name, hash] of Object.entries(fingerprints)) known[name] ??= hash;
			writeFileSync(FILE, `${JSON.stringify(recorded, null, '\t')}\n`);
		}
		expect(fingerprints).toEqual(known);
	});
});
