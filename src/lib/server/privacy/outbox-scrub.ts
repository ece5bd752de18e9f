import type { Tx } from '../db/transaction';
import { MAIL_REDACTION, REDACTED, stopUnsentMails } from './anonymise';

/**
 * The last sweep of an erasure: any mail, in any state, whose text still names the person.
 * A plain LIKE misses what iCalendar folded (RFC 5545 breaks lines at 75 octets, so
 * `ATTENDEE;CN=…:mailto:` splits an address across two lines) and what HTML escaped, so each
 * mail is unfolded and unescaped before it is searched. The outbox is bounded by its retention
 * period (90 days), so reading it in batches stays cheap.
 */
export function unfold(text: string): string {
	return text.replace(/\r?\n[ \t]/g, '');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

export function unescapeHtml(text: string): string {
	return text.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, e: string) => ENTITIES[e] ?? '');
}

export function mailNames(
	mail: { to_name: string; subject: string; text_body: string; html_body: string; ics: string | null },
	needles: readonly string[]
): boolean {
	const haystack = [
		mail.to_name,
		mail.subject,
		mail.text_body,
		unescapeHtml(mail.html_body),
		unfold(mail.ics ?? '')
	]
		.join('\n')
		.toLowerCase();
	// ICS escapes commas and semicolons in text values; compare without the backslashes too.
	const plain = haystack.replace(/\\([,;\\])/g, '$1');
	return needles.some((n) => {
		const needle = n.trim().toLowerCase();
		return needle.length >= 3 && (haystack.includes(needle) || plain.includes(needle));
	});
}

/** Redacts (and stops) every mail naming one of the values; returns how many. */
export async function redactMailsNaming(trx: Tx, needles: readonly string[]): Promise<number> {
	const wanted = needles.filter((n) => n.trim().length >= 3);
	if (wanted.length === 0) return 0;
	let after = 0;
	let redacted = 0;
	for (;;) {
		const rows = await trx
			.selectFrom('outbox')
			.select(['id', 'to_name', 'subject', 'text_body', 'html_body', 'ics'])
			.where('id', '>', after)
			.where('subject', '!=', REDACTED)
			.orderBy('id')
			.limit(500)
			.execute();
		if (rows.length === 0) return redacted;
		after = Number(rows.at(-1)!.id);
		const hits = rows.filter((r) => mailNames(r, wanted)).map((r) => Number(r.id));
		if (hits.length === 0) continue;
		await trx.updateTable('outbox').set(MAIL_REDACTION).where('id', 'in', hits).execute();
		await stopUnsentMails(trx).where('id', 'in', hits).execute();
		redacted += hits.length;
	}
}
