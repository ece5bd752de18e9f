import { printDemoLogins } from '../../lib/server/identity/demo';
import { printDemoSummary, seedDemoNetwork } from '../../lib/server/demo/network';
import { defineCommand } from '../command';
import { CliExit, cliConfig, readyServices, withServices } from '../context';

export default defineCommand({
	name: 'seed-demo',
	summary:
		'Demo-Netzwerk mit einem Jahr Leben anlegen (nicht in Produktion) / seed the demo network (not in production)',
	options: {
		days: { type: 'string', description: 'Tage Vorgeschichte (Standard 365) / days of history (default 365)' }
	},
	async run(args, io) {
		const days = args.options.days === undefined ? undefined : Number(args.options.days);
		if (days !== undefined && !(Number.isInteger(days) && days >= 7 && days <= 730))
			throw new CliExit(1, 'Kreativlotse: --days must be a whole number from 7 to 730');
		if (cliConfig(io).production)
			throw new CliExit(1, 'Kreativlotse: seed-demo refuses to run in production');
		return withServices(await readyServices(io), async (s) => {
			const report = await seedDemoNetwork(s, { days, progress: (line) => io.out(line) });
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
