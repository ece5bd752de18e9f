import { hostname } from 'node:os';
import { deliverDue } from '../../lib/server/notifications/deliver';
import { databaseMailHeaderContext } from '../../lib/server/notifications/mail-headers';
import { smtpTransport } from '../../lib/server/notifications/smtp-transport';
import { defineCommand } from '../command';
import { CliExit, cliConfig, readyServices, withServices } from '../context';

export default defineCommand({
	name: 'outbox:deliver',
	summary: 'Eine Versandrunde des Postausgangs (braucht SMTP_URL) / one outbox delivery round',
	async run(_args, io) {
		if (!cliConfig(io).smtpUrl) {
			throw new CliExit(
				1,
				'Kreativlotse: SMTP_URL is not set, so nothing can be sent; mails wait in the outbox (/intern/postausgang)'
			);
		}
		return withServices(await readyServices(io), async (s) => {
			const report = await deliverDue(
				s.db,
				smtpTransport(s.config.smtpUrl!, databaseMailHeaderContext(s.db, s.config)),
				{
					worker: `cli:${hostname()}:${process.pid}`,
					from: s.config.mailFrom,
					maxAttempts: s.config.mailMaxAttempts,
					now: () => s.clock.now()
				}
			);
			io.out(`Sent: ${report.sent}, failed (will retry): ${report.failed}, undeliverable: ${report.dead}`);
			return report.failed + report.dead > 0 ? 1 : 0;
		});
	}
});
