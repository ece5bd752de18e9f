import { RestoreRefused, restoreSqlite } from '../../lib/server/operations/restore';
import { defineCommand } from '../command';
import { CliExit, cliConfig } from '../context';

export default defineCommand({
	name: 'restore',
	summary: 'SQLite-Sicherung zurückspielen (App gestoppt) / restore a SQLite backup (app stopped)',
	positionals: ['BACKUP'],
	async run(args, io) {
		const config = cliConfig(io);
		const backup = args.positionals[0]!;
		if (config.database.kind === 'postgres') {
			io.out('This database is PostgreSQL: restore a pg_dump archive with');
			io.out(`  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" ${backup}`);
			return 2;
		}
		if (config.database.path === ':memory:')
			throw new CliExit(1, 'Kreativlotse: an in-memory database cannot be restored');
		let result: ReturnType<typeof restoreSqlite>;
		try {
			result = restoreSqlite(backup, config.database.path, new Date());
		} catch (err) {
			if (err instanceof RestoreRefused)
				throw new CliExit(1, `Kreativlotse: restore refused: ${err.message}`);
			throw err;
		}
		io.out(`Restored ${backup} to ${config.database.path} (${result.bookings} bookings).`);
		if (result.previous) io.out(`The database it replaced was kept as ${result.previous}.`);
		if (result.pending.length) io.out(`Migrations that run at the next start: ${result.pending.join(', ')}`);
		io.out('Keep SECRET_KEY (or data/.secret-key) of the backup: enrolled staff need it for TOTP.');
		return 0;
	}
});
