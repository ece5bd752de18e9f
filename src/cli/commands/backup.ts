import { chmodSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { defineCommand } from '../command';
import { CliExit, cliConfig } from '../context';

export interface BackupResult {
	path: string;
	bytes: number;
	pages: number;
	ms: number;
}

/** Refuses (exit 1) before any work: same file as the database, an existing target, no source. */
export function checkBackupTarget(sourcePath: string, targetPath: string, force: boolean): void {
	const source = resolve(sourcePath);
	const target = resolve(targetPath);
	if (source === target) throw new CliExit(1, 'Kreativlotse: the backup cannot replace the database itself');
	if (existsSync(target) && !force) {
		throw new CliExit(
			1,
			`Kreativlotse: ${targetPath} exists; choose another name or add --force to replace it`
		);
	}
	if (!existsSync(source)) throw new CliExit(1, `Kreativlotse: no SQLite database at ${sourcePath}`);
}

/**
 * An online backup of a SQLite database with SQLite's backup API: consistent even while the
 * server writes. It goes to a temporary file beside the target and is renamed into place only
 * when complete, so a failed run never leaves a half-written backup under the real name.
 */
export async function backupSqlite(
	sourcePath: string,
	targetPath: string,
	options: { force?: boolean; onProgress?: (copiedPages: number, totalPages: number) => void } = {}
): Promise<BackupResult> {
	checkBackupTarget(sourcePath, targetPath, options.force ?? false);
	const source = resolve(sourcePath);
	const target = resolve(targetPath);
	const started = Date.now();
	const temp = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
	const db = new Database(source, { fileMustExist: true });
	let pages = 0;
	try {
		db.pragma('busy_timeout = 5000');
		const meta = await db.backup(temp, {
			progress({ totalPages, remainingPages }) {
				pages = totalPages;
				options.onProgress?.(totalPages - remainingPages, totalPages);
				return 200;
			}
		});
		pages = meta.totalPages;
		options.onProgress?.(pages, pages);
		// A backup holds personal data: readable by its owner only.
		chmodSync(temp, 0o600);
		renameSync(temp, target);
	} catch (err) {
		rmSync(temp, { force: true });
		throw err;
	} finally {
		db.close();
	}
	return { path: target, bytes: statSync(target).size, pages, ms: Date.now() - started };
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export default defineCommand({
	name: 'backup',
	summary: 'Online-Sicherung der SQLite-Datenbank / online backup of the SQLite database',
	positionals: ['PATH'],
	options: {
		force: { type: 'boolean', description: 'vorhandene Datei ersetzen / replace an existing file' }
	},
	async run(args, io) {
		const config = cliConfig(io);
		if (config.database.kind === 'postgres') {
			io.out('This database is PostgreSQL: back it up with pg_dump, for example');
			io.out(`  pg_dump --format=custom --file=${args.positionals[0]} "$DATABASE_URL"`);
			io.out(`and restore with: pg_restore --clean --dbname="$DATABASE_URL" ${args.positionals[0]}`);
			return 2;
		}
		if (config.database.path === ':memory:')
			throw new CliExit(1, 'Kreativlotse: an in-memory database cannot be backed up');
		const target = args.positionals[0]!;
		checkBackupTarget(config.database.path, target, args.options.force === true);
		let lastTenth = -1;
		io.out(`Backing up ${config.database.path} to ${target} …`);
		const result = await backupSqlite(config.database.path, target, {
			force: args.options.force === true,
			onProgress(copied, total) {
				const tenth = total > 0 ? Math.floor((copied / total) * 10) : 10;
				if (tenth > lastTenth) {
					lastTenth = tenth;
					io.out(`  ${tenth * 10}% (${copied}/${total} pages)`);
				}
			}
		});
		io.out(
			`Backup complete: ${result.path} (${formatBytes(result.bytes)}, ${result.pages} pages, ${result.ms} ms)`
		);
		return 0;
	}
});
