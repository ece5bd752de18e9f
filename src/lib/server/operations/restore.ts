import {
	copyFileSync,
	existsSync,
	fsyncSync,
	openSync,
	closeSync,
	renameSync,
	rmSync,
	chmodSync
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { knownMigrations } from '../db/migrate';
import { runningProcess } from './running-flag';

/** Tables every Kreativlotse database has since its first migration. */
const SIGNATURE_TABLES = ['kysely_migration', 'office', 'staff_user', 'outbox', 'audit_event'];

export type RestoreProblem =
	| { kind: 'missing'; path: string }
	| { kind: 'not_sqlite'; detail: string }
	| { kind: 'not_kreativlotse'; missing: string[] }
	| { kind: 'corrupt'; detail: string }
	| { kind: 'newer'; unknown: string[] }
	| { kind: 'running'; host: string; pid: number }
	| { kind: 'same_file' };

export class RestoreRefused extends Error {
	constructor(readonly problem: RestoreProblem) {
		super(describeProblem(problem));
	}
}

export function describeProblem(p: RestoreProblem): string {
	switch (p.kind) {
		case 'missing':
			return `no file at ${p.path}`;
		case 'not_sqlite':
			return `the file is not a SQLite database (${p.detail})`;
		case 'not_kreativlotse':
			return `the file is not a Kreativlotse database (missing tables: ${p.missing.join(', ')})`;
		case 'corrupt':
			return `the backup fails SQLite's integrity check: ${p.detail}`;
		case 'newer':
			return `the backup comes from a newer Kreativlotse (unknown migrations: ${p.unknown.join(', ')}); install that version first`;
		case 'running':
			return `the app is running on this database (pid ${p.pid} on ${p.host}); stop it first`;
		case 'same_file':
			return 'the backup is the database file itself';
	}
}

export interface BackupInspection {
	migrations: string[];
	/** Migrations this version has and the backup lacks: they run at the next start. */
	pending: string[];
	bookings: number;
}

/** Checks a backup file without changing it: SQLite, Kreativlotse, intact, not from a newer version. */
export function inspectBackup(path: string): BackupInspection {
	if (!existsSync(path)) throw new RestoreRefused({ kind: 'missing', path });
	let db: Database.Database;
	try {
		db = new Database(path, { readonly: true, fileMustExist: true });
		db.prepare('select count(*) from sqlite_master').get();
	} catch (err) {
		throw new RestoreRefused({ kind: 'not_sqlite', detail: (err as Error).message });
	}
	try {
		const tables = new Set(
			(db.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map(
				(r) => r.name
			)
		);
		const missing = SIGNATURE_TABLES.filter((t) => !tables.has(t));
		if (missing.length) throw new RestoreRefused({ kind: 'not_kreativlotse', missing });
		const check = (db.prepare('pragma quick_check').all() as { quick_check: string }[]).map(
			(r) => r.quick_check
		);
		if (check.join() !== 'ok')
			throw new RestoreRefused({ kind: 'corrupt', detail: check.slice(0, 3).join('; ') });
		const migrations = (
			db.prepare('select name from kysely_migration order by name').all() as { name: string }[]
		).map((r) => r.name);
		const unknown = migrations.filter((m) => !knownMigrations.includes(m));
		if (unknown.length) throw new RestoreRefused({ kind: 'newer', unknown });
		const bookings = tables.has('booking')
			? Number((db.prepare('select count(*) as n from booking').get() as { n: number }).n)
			: 0;
		return { migrations, pending: knownMigrations.filter((m) => !migrations.includes(m)), bookings };
	} finally {
		db.close();
	}
}

export interface RestoreResult extends BackupInspection {
	/** Where the database that was replaced now lies (null when there was none). */
	previous: string | null;
}

/**
 * Puts a backup in place of the SQLite database at `targetPath`: checks the backup and that no
 * app runs on the target, copies to a temporary file beside the target (fsync), moves the current
 * database aside as `<name>.before-restore-<time>` (never deleted), drops stale -wal/-shm files
 * and renames the copy into place, so a failure at any step leaves a usable database.
 */
export function restoreSqlite(backupPath: string, targetPath: string, now: Date): RestoreResult {
	const source = resolve(backupPath);
	const target = resolve(targetPath);
	if (source === target) throw new RestoreRefused({ kind: 'same_file' });
	const running = runningProcess(target);
	if (running) throw new RestoreRefused({ kind: 'running', ...running });
	const inspection = inspectBackup(source);
	const temp = join(dirname(target), `.${basename(target)}.restore-${process.pid}`);
	copyFileSync(source, temp);
	const fd = openSync(temp, 'r+');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	chmodSync(temp, 0o600);
	let previous: string | null = null;
	if (existsSync(target)) {
		previous = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
		renameSync(target, previous);
		for (const suffix of ['-wal', '-shm']) {
			if (existsSync(target + suffix)) renameSync(target + suffix, previous + suffix);
		}
	}
	for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
	renameSync(temp, target);
	return { ...inspection, previous };
}
