import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../tests/support/test-database';
import { recordAudit, systemActor } from '../lib/server/audit/record';
import { enqueueMail } from '../lib/server/notifications/outbox';
import { sampleMail } from '../lib/server/notifications/test-mails';
import { runCli } from './cli';
import { backupSqlite } from './commands/backup';
import { CliExit } from './context';
import { closeServicesAfterEach } from '../../tests/support/services-per-test';

let s: TestServices | undefined;
closeServicesAfterEach();

function count(file: string, table: string): number {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
	} finally {
		db.close();
	}
}

async function seeded(): Promise<{ source: string; dir: string }> {
	s = await testServices();
	if (s.config.database.kind !== 'sqlite') throw new Error('unreachable');
	for (let i = 0; i < 5; i++) {
		await enqueueMail(s.db, sampleMail({ to: `p${i}@example.org` }), s.clock.now());
		await recordAudit(
			s.db,
			systemActor,
			{ action: 'test.row', subject: { kind: 'test', id: i } },
			{ now: s.clock.now() }
		);
	}
	return { source: s.config.database.path, dir: mkdtempSync(join(tmpdir(), 'kl-backup-')) };
}

// The backup command is for SQLite; on PostgreSQL it points to pg_dump (tested below).
describe.skipIf(!!process.env.TEST_DATABASE_URL)('backup (SQLite)', () => {
	it('copies a live database page by page, and the copy opens with every row', async () => {
		const { source, dir } = await seeded();
		const target = join(dir, 'backup.sqlite');
		const progress: [number, number][] = [];
		// The source stays open (WAL, uncommitted pages in the log) while the backup runs.
		const result = await backupSqlite(source, target, { onProgress: (c, t) => progress.push([c, t]) });
		expect(result.pages).toBeGreaterThan(10);
		expect(result.bytes).toBe(statSync(target).size);
		expect(progress.at(-1)).toEqual([result.pages, result.pages]);
		expect(count(target, 'outbox')).toBe(5);
		expect(count(target, 'audit_event')).toBe(5);
		expect(count(target, 'office')).toBe(count(source, 'office'));
		expect(statSync(target).mode & 0o777).toBe(0o600);
		expect(existsSync(join(dir, `.backup.sqlite.partial-${process.pid}`))).toBe(false);
	});

	it('refuses to overwrite a file unless forced, and never the database itself', async () => {
		const { source, dir } = await seeded();
		const target = join(dir, 'existing.sqlite');
		writeFileSync(target, 'not a database');
		await expect(backupSqlite(source, target)).rejects.toThrow(CliExit);
		await expect(backupSqlite(source, source, { force: true })).rejects.toThrow(/database itself/);
		await backupSqlite(source, target, { force: true });
		expect(count(target, 'outbox')).toBe(5);
	});

	it('runs as a command with progress and a summary', async () => {
		const { source, dir } = await seeded();
		const target = join(dir, 'cli.sqlite');
		const out: string[] = [];
		const err: string[] = [];
		const io = {
			out: (l: string) => out.push(l),
			err: (l: string) => err.push(l),
			env: { DATABASE_URL: `sqlite:${source}`, SECRET_KEY: 'x'.repeat(32) }
		};
		expect(await runCli(['backup', target], io)).toBe(0);
		expect(out.at(-1)).toMatch(/^Backup complete: .*cli\.sqlite \(\d+\.\d [KM]iB, \d+ pages, \d+ ms\)$/);
		expect(out.some((l) => /^ {2}100% \(\d+\/\d+ pages\)$/.test(l))).toBe(true);
		expect(count(target, 'outbox')).toBe(5);
		expect(await runCli(['backup', target], io)).toBe(1);
		expect(err.at(-1)).toMatch(/exists; .*--force/);
		expect(await runCli(['backup', target, '--force'], io)).toBe(0);
	});
});

describe('backup on PostgreSQL', () => {
	it('points to pg_dump and exits 2 without touching the database', async () => {
		const out: string[] = [];
		const io = {
			out: (l: string) => out.push(l),
			err: () => {},
			env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', SECRET_KEY: 'x'.repeat(32) }
		};
		expect(await runCli(['backup', 'kl.dump'], io)).toBe(2);
		expect(out.join('\n')).toContain('pg_dump --format=custom --file=kl.dump "$DATABASE_URL"');
	});
});
