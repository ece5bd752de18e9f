import { createAdmin } from '../../lib/server/identity/create-admin';
import { defineCommand } from '../command';
import { CliExit, readyServices, withServices } from '../context';

export default defineCommand({
	name: 'create-admin',
	summary: 'Netzwerk-Admin anlegen, Einladungslink ausgeben / create a network admin, print an invite link',
	options: {
		email: { type: 'string', description: 'E-Mail-Adresse / e-mail address' },
		name: { type: 'string', description: 'Name' }
	},
	required: ['email', 'name'],
	async run(args, io) {
		const email = String(args.options.email);
		const name = String(args.options.name);
		return withServices(await readyServices(io), async (s) => {
			let result: { userId: number; invitePath: string };
			try {
				result = await createAdmin(s, { email, name });
			} catch (err) {
				throw new CliExit(1, `Kreativlotse: ${(err as Error).message}`);
			}
			io.out(`Network admin ${email} (id ${result.userId}) is ready.`);
			io.out('Open this one-time link to set a password; two-factor enrolment follows at the first sign-in:');
			io.out(`  ${s.config.publicBaseUrl}${result.invitePath}`);
			return 0;
		});
	}
});
