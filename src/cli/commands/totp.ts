import { demoTotpSecret, listDemoLogins } from '../../lib/server/identity/demo';
import { timeStep, totpAt } from '../../lib/server/identity/totp';
import { defineCommand } from '../command';
import { CliExit, cliConfig, readyServices, withServices } from '../context';

export default defineCommand({
	name: 'totp',
	summary: 'Aktueller TOTP-Code eines Demo-Kontos / current TOTP code of a demo account',
	positionals: ['EMAIL'],
	async run(args, io) {
		if (cliConfig(io).production) throw new CliExit(1, 'Kreativlotse: totp refuses to run in production');
		const email = args.positionals[0]!.trim().toLowerCase();
		return withServices(await readyServices(io), async (s) => {
			const demo = await listDemoLogins(s);
			if (!demo.some((l) => l.email === email)) {
				throw new CliExit(1, `Kreativlotse: ${email} is not a demo account in this database`);
			}
			const now = s.clock.now();
			const step = timeStep(now);
			const code = totpAt(demoTotpSecret(email), step);
			const seconds = 30 - (Math.floor(now.getTime() / 1000) % 30);
			io.out(
				`${code}  (${email}, valid for ${seconds} more second${seconds === 1 ? '' : 's'}; each code works once)`
			);
			return 0;
		});
	}
});
