import { latestMigration, migrateToLatest } from '../../lib/server/db/migrate';
import { defineCommand } from '../command';
import { databaseProblem, openServices, withServices } from '../context';

export default defineCommand({
	name: 'migrate',
	summary: 'Datenbank auf den neuesten Stand bringen / run database migrations',
	async run(_args, io) {
		return withServices(openServices(io), async (s) => {
			let results: Awaited<ReturnType<typeof migrateToLatest>>['results'];
			try {
				results = (await migrateToLatest(s.db)).results;
			} catch (err) {
				throw databaseProblem(err, s.config.database.kind);
			}
			const ran = (results ?? []).filter((r) => r.status === 'Success');
			if (ran.length === 0) {
				io.out(`Database (${s.config.database.kind}) already current: ${latestMigration}`);
				return 0;
			}
			for (const r of ran) io.out(`Migrated: ${r.migrationName}`);
			io.out(`Database (${s.config.database.kind}) now at ${latestMigration}`);
			return 0;
		});
	}
});
