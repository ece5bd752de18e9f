import { printDemoLogins } from '../../lib/server/identity/demo';
import { printDemoSummary, seedDemoNetwork } from '../../lib/server/demo/network';
import { defineCommand } from '../command';
import { CliExit, cliConfig, readyServices, withServices } from '../context';

export default defineCommand({
	name: 'seed-demo',
	summary:
		'Demo-Netzwerk mit einem Jahr Leben anlegen (nicht in Produktion) / seed the demo network (not in production)',
	async run(_args, io) {
		if (cliConfig(io).production)
			throw new CliExit(1, 'Kreativlotse: seed-demo refuses to run in production');
		return withServices(await readyServices(io), async (s) => {
			const report = await seedDemoNetwork(s, { progress: (line) => io.out(line) });
			if (!report) {
				io.out(
					'Demo data not seeded: staff accounts exist already. `npm run kl -- demo-logins` lists demo logins.'
				);
				return 0;
			}
			printDemoLogins(report.logins, s.config.origin);
			printDemoSummary(report, (line) => io.out(line));
			return 0;
		});
	}
});
