import { seedDemoAvailability } from '../../lib/server/booking/demo';
import { printDemoLogins, seedDemo } from '../../lib/server/identity/demo';
import { defineCommand } from '../command';
import { CliExit, cliConfig, readyServices, withServices } from '../context';

export default defineCommand({
	name: 'seed-demo',
	summary: 'Demo-Daten anlegen (nicht in Produktion) / seed demo data (not in production)',
	async run(_args, io) {
		if (cliConfig(io).production)
			throw new CliExit(1, 'Kreativlotse: seed-demo refuses to run in production');
		return withServices(await readyServices(io), async (s) => {
			const logins = await seedDemo(s);
			if (!logins) {
				io.out(
					'Demo data not seeded: staff accounts exist already. `npm run kl -- demo-logins` lists demo logins.'
				);
				return 0;
			}
			const availability = await seedDemoAvailability(s.db, s.clock.now());
			printDemoLogins(logins, s.config.origin);
			io.out(`Demo availability: ${availability.rules} weekly hours, ${availability.sprechtage} Sprechtage.`);
			return 0;
		});
	}
});
