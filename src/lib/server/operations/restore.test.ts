import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { backupSqlite } from '../../../cli/commands/backup';
import { type TestServices, dialectUnderTest, testServices } from '../../../../tests/support/test-database';
import {
	type BookingFixture,
	bookingFixture,
	holdAndConfirm,
	holdInput,
	slotsOn
} from '../../../../tests/support/booking-fixtures';
import type { createDb } from '../db/client';
import { migrateToLatest } from '../db/migrate';
import { createServices } from '../runtime';
import { loadConfig } from '../platform/config';
import { readiness } from './readiness';
import { RestoreRefused, restoreSqlite } from './restore';
import { clearRunning, markRunning } from './running-flag';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

/** Books and confirms one appointment for person i; returns the booking id. */
async function bookAndConfirm(s: TestServices, f: BookingFixture, start: number, i: number): Promise<number> {
	const email = `person${i}@example.org`;
	const { bookingId } = await holdAndConfirm(
		s,
		holdInput(f, start, { intake: { ...holdInput(f, start).intake, email } })
	);
	return bookingId;
}

async function slotsFor(s: TestServices, f: BookingFixture): Promise<number[]> {
	const starts: number[] = [];
	for (const day of ['2026-06-16', '2026-06-17', '2026-06-18', '2026-06-19', '2026-06-22', '2026-06-23']) {
		for (const slot of await slotsOn(s, f, day)) starts.push(slot.start);
	}
	return starts;
}

async function confirmedIds(db: ReturnType<typeof createDb>['db']): Promise<number[]> {
	const rows = await db
		.selectFrom('booking')
		.select('id')
		.where('status', '=', 'confirmed')
		.orderBy('id')
		.execute();
	return rows.map((r) => Number(r.id));
}

describe.runIf(dialectUnderTest === 'sqlite')('SQLite restore drill', () => {
	it('online backup while bookings are written → restore into a fresh directory → the app starts with every confirmed booking', async () => {
		s = await testServices();
		const dbPath = (s.config.database as { path: string }).path;
		const f = await bookingFixture(s);
		const starts = await slotsFor(s, f);
		for (let i = 0; i < 8; i++) await bookAndConfirm(s, f, starts[i]!, i);
		const before = await confirmedIds(s.db);
		expect(before).toHaveLength(8);

		// The backup runs page by page while more bookings are confirmed.
		const dir = mkdtempSync(join(tmpdir(), 'kl-drill-'));
		const backupPath = join(dir, 'backup.db');
		const writes = (async () => {
			for (let i = 8; i < 16; i++) await bookAndConfirm(s!, f, starts[i]!, i);
		})();
		const [backup] = await Promise.all([backupSqlite(dbPath, backupPath), writes]);
		expect(backup.pages).toBeGreaterThan(0);

		const fresh = join(mkdtempSync(join(tmpdir(), 'kl-restored-')), 'kreativlotse.db');
		const result = restoreSqlite(backupPath, fresh, new Date());
		expect(result.previous).toBeNull();
		expect(result.pending).toEqual([]);

		// "The app starts": configuration, database, migrations and readiness as at boot.
		const app = createServices(
			loadConfig({ DATABASE_URL: `sqlite:${fresh}`, SECRET_KEY: 'test-secret-key-with-at-least-32-chars' })
		);
		try {
			await migrateToLatest(app.db);
			expect(await readiness(app)).toEqual({ ready: true, migrations: 'current' });
			const restored = await confirmedIds(app.db);
			for (const id of before) expect(restored).toContain(id);
			// Whatever the backup caught of the concurrent writes is whole: every confirmed booking
			// has its case file (written in the same transaction).
			const orphans = await app.db
				.selectFrom('booking')
				.select('id')
				.where('status', '=', 'confirmed')
				.where('case_id', 'is', null)
				.execute();
			expect(orphans).toEqual([]);
		} finally {
			await app.close();
		}
	});

	it('refuses a running app, a foreign file, a non-database and a backup from a newer version', async () => {
		s = await testServices();
		const dbPath = (s.config.database as { path: string }).path;
		const dir = mkdtempSync(join(tmpdir(), 'kl-refuse-'));
		const backupPath = join(dir, 'backup.db');
		await backupSqlite(dbPath, backupPath);
		const target = join(dir, 'live.db');
		const refused = (backup: string) => {
			try {
				restoreSqlite(backup, target, new Date());
				return null;
			} catch (err) {
				if (err instanceof RestoreRefused) return err.problem.kind;
				throw err;
			}
		};

		markRunning(target);
		expect(refused(backupPath)).toBe('running');
		clearRunning(target);

		// A flag left behind by a killed process (its pid is gone) does not block.
		writeFileSync(
			`${target}.running`,
			JSON.stringify({ host: (await import('node:os')).hostname(), pid: 2 ** 22 + 7 })
		);
		expect(refused(join(dir, 'nothing.db'))).toBe('missing');

		const foreign = join(dir, 'foreign.db');
		new Database(foreign).exec('create table notes (id integer primary key, text text)');
		expect(refused(foreign)).toBe('not_kreativlotse');

		const text = join(dir, 'text.db');
		writeFileSync(
			text,
			'this is not a database, just some text that is long enough to have a header\n'.repeat(20)
		);
		expect(refused(text)).toBe('not_sqlite');

		const newer = join(dir, 'newer.db');
		await backupSqlite(dbPath, newer);
		new Database(newer)
			.prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
			.run('2099-01-01-01-future', new Date().toISOString());
		expect(refused(newer)).toBe('newer');

		// The real thing: the live database is replaced, the old one kept beside it.
		writeFileSync(target, 'old database');
		const ok = restoreSqlite(backupPath, target, new Date('2026-06-15T08:00:00Z'));
		expect(ok.previous).toMatch(/live\.db\.before-restore-2026-06-15T08-00-00-000Z$/);
		expect(existsSync(ok.previous!)).toBe(true);
		expect(readdirSync(dir).filter((n) => n.includes('.restore-'))).toEqual([]);
	});
});

const PG_BIN = [
	'/usr/lib/postgresql/17/bin',
	'/usr/lib/postgresql/16/bin',
	'/usr/lib/postgresql/15/bin'
].find((d) => existsSync(join(d, 'pg_dump')));

describe.runIf(dialectUnderTest === 'postgres')('PostgreSQL restore drill (pg_dump / pg_restore)', () => {
	it('a dump taken while bookings are written restores into a fresh database with every confirmed booking', {
		timeout: 90_000
	}, async () => {
		expect(PG_BIN, 'pg_dump not found under /usr/lib/postgresql/*/bin').toBeTruthy();
		s = await testServices();
		const f = await bookingFixture(s);
		const starts = await slotsFor(s, f);
		for (let i = 0; i < 6; i++) await bookAndConfirm(s, f, starts[i]!, i);
		const before = await confirmedIds(s.db);

		const dir = mkdtempSync(join(tmpdir(), 'kl-pgdrill-'));
		const dump = join(dir, 'kreativlotse.dump');
		const writes = (async () => {
			for (let i = 6; i < 12; i++) await bookAndConfirm(s!, f, starts[i]!, i);
		})();
		// pg_dump takes one consistent snapshot however long the writes go on.
		execFileSync(join(PG_BIN!, 'pg_dump'), ['--format=custom', `--file=${dump}`, s.config.databaseUrl]);
		await writes;

		const target = new URL(s.config.databaseUrl);
		const name = `${target.pathname.slice(1)}_restored`;
		const admin = new URL(s.config.databaseUrl);
		admin.pathname = '/postgres';
		const client = new pg.Client({ connectionString: admin.toString() });
		await client.connect();
		try {
			await client.query(`drop database if exists ${name}`);
			await client.query(`create database ${name}`);
			target.pathname = `/${name}`;
			execFileSync(join(PG_BIN!, 'pg_restore'), ['--no-owner', `--dbname=${target}`, dump]);
			const app = createServices(
				loadConfig({ DATABASE_URL: target.toString(), SECRET_KEY: 'test-secret-key-with-at-least-32-chars' })
			);
			try {
				await migrateToLatest(app.db);
				expect(await readiness(app)).toEqual({ ready: true, migrations: 'current' });
				const restored = await confirmedIds(app.db);
				for (const id of before) expect(restored).toContain(id);
			} finally {
				await app.close();
			}
		} finally {
			await client.query(`drop database if exists ${name}`);
			await client.end();
		}
	});
});
