import { listDemoLogins, printDemoLogins } from '../../lib/server/identity/demo';
import { defineCommand } from '../command';
import { CliExit, cliConfig, readyServices, withServices } from '../context';

export default defineCommand({
	name: 'demo-logins',
	summary: 'Demo-Zugänge anzeigen / list demo logins',
	options: { json: { type: 'boolean', description: 'maschinenlesbar / machine-readable JSON' } },
	async run(args, io) {
		// The list carries TOTP secrets; demo accounts have no business in production.
		if (cliConfig(io).production)
			throw new CliExit(1, 'Kreativlotse: demo-logins refuses to run in production');
		return withServices(await readyServices(io), async (s) => {
			const logins = await listDemoLogins(s);
			if (args.options.json) {
				io.out(JSON.stringify(logins, null, 2));
				return 0;
			}
			if (logins.length === 0) {
				io.out('No demo accounts in this database. `npm run kl -- seed-demo` creates them in an empty one.');
				return 0;
			}
			printDemoLogins(logins, s.config.origin);
			return 0;
		});
	}
});
