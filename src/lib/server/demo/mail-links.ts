import type { Db } from '../db/transaction';
import { deliverDue, type MailTransport } from '../notifications/index';
import type { Services } from '../runtime';

/**
 * The demo's people answer their mails: a creative "opens" the link of the newest mail to them
 * that contains `path` and the generator calls the same command the link's page calls. Tokens
 * are stored only as hashes, so the mail is the one place the token exists (as for real people).
 */
export async function linkToken(db: Db, to: string, path: string): Promise<string | null> {
	const rows = await db
		.selectFrom('outbox')
		.select('text_body')
		.where('to_address', '=', to.toLowerCase())
		.orderBy('id', 'desc')
		.limit(8)
		.execute();
	const pattern = new RegExp(`${path.replace(/[/]/g, '\\/')}([A-Za-z0-9_-]{20,100})`);
	for (const r of rows) {
		const m = pattern.exec(r.text_body);
		if (m) return m[1]!;
	}
	return null;
}

/** Demo mails go nowhere: every address is on `.invalid`. */
const discard: MailTransport = { send: async () => {} };

/**
 * Runs the real delivery worker with a transport that discards, so mails older than the last
 * run appear as sent at their simulated time, and the Postausgang shows the recent ones pending.
 */
export async function deliverDemoMails(services: Services): Promise<number> {
	let sent = 0;
	for (;;) {
		const report = await deliverDue(services.db, discard, {
			worker: 'demo-seed',
			from: services.config.mailFrom,
			maxAttempts: services.config.mailMaxAttempts,
			now: () => services.clock.now()
		});
		sent += report.sent;
		if (report.sent + report.failed + report.dead + report.obsolete === 0) return sent;
	}
}
