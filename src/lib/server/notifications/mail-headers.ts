import type { Db } from '../db/transaction';
import type { OutboxRow } from './deliver';

/**
 * The headers that make an automatic mail behave (issue 12, part 5):
 * - `Auto-Submitted: auto-generated` (RFC 3834) and `X-Auto-Response-Suppress`: out-of-office
 *   replies and auto-responders stay quiet instead of bouncing back;
 * - `Reply-To`: the responsible office's address (or the network's MAIL_REPLY_TO), so a person who
 *   answers reaches people, not the no-reply sender;
 * - `Content-Language` from the mail's locale; a `Message-ID` on the configured domain, stable
 *   across retries of the same outbox row (receivers can drop a duplicate);
 * - `List-Unsubscribe` (RFC 2369) on mails a person did not directly ask for (check-ins, follow-up
 *   questions, reminders of an open profile, thanks and feedback after events): a mail to the
 *   office saying "stop", which staff can act on in the case file.
 */
export interface MailHeaderContext {
	domain: string;
	networkReplyTo: string | null;
	officeAddress(officeId: number): Promise<string | null>;
}

const NOT_STRICTLY_TRANSACTIONAL = new Set([
	'checkins.check_in',
	'checkins.feedback',
	'referral.followup',
	'visibility.open_reminder',
	'event.thanks'
]);

export function isTransactional(template: string): boolean {
	return !NOT_STRICTLY_TRANSACTIONAL.has(template);
}

export function messageId(row: Pick<OutboxRow, 'id' | 'created_at'>, domain: string): string {
	return `<kl-${row.id}.${row.created_at.toString(36)}@${domain}>`;
}

export async function mailHeaders(
	row: OutboxRow,
	ctx: MailHeaderContext
): Promise<{ replyTo: string | undefined; messageId: string; headers: Record<string, string> }> {
	const office = row.office_id == null ? null : await ctx.officeAddress(row.office_id);
	const replyTo = office ?? ctx.networkReplyTo ?? undefined;
	const headers: Record<string, string> = {
		'Auto-Submitted': 'auto-generated',
		'X-Auto-Response-Suppress': 'OOF, AutoReply',
		'Content-Language': row.locale === 'en' ? 'en' : 'de',
		'X-Kreativlotse-Mail': String(row.id)
	};
	if (!isTransactional(row.template) && replyTo) {
		const subject = encodeURIComponent(row.locale === 'en' ? 'Unsubscribe' : 'Abmelden');
		headers['List-Unsubscribe'] = `<mailto:${replyTo}?subject=${subject}>`;
	}
	return { replyTo, messageId: messageId(row, ctx.domain), headers };
}

/** Office addresses from the database, cached per process for a minute. */
export function databaseMailHeaderContext(
	db: Db,
	config: { mailDomain: string; mailReplyTo: string | null }
): MailHeaderContext {
	const cache = new Map<number, { address: string | null; at: number }>();
	return {
		domain: config.mailDomain,
		networkReplyTo: config.mailReplyTo,
		async officeAddress(officeId) {
			const hit = cache.get(officeId);
			if (hit && Date.now() - hit.at < 60_000) return hit.address;
			const row = await db.selectFrom('office').select('email').where('id', '=', officeId).executeTakeFirst();
			const address = row?.email?.trim() || null;
			cache.set(officeId, { address, at: Date.now() });
			return address;
		}
	};
}
