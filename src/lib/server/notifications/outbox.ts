import type { Locale } from '../../i18n/locale';
import type { Db, Tx } from '../db/transaction';
import type { RenderedMail } from './render';

export interface OutgoingMail {
	to: string;
	toName?: string;
	locale: Locale;
	template: string;
	mail: RenderedMail;
	/** Same key twice sends once: protects against double submits and retried jobs. */
	dedupeKey?: string;
	officeId?: number | null;
	subject?: { kind: string; id: string | number };
	/** iCalendar text (METHOD:REQUEST or CANCEL); the SMTP transport attaches it as termin.ics. */
	ics?: string | null;
	/**
	 * Issue 12: epoch ms after which the mail has no purpose (a hold's or an offer's deadline); the
	 * outbox then marks it obsolete instead of sending it — also after a requeue.
	 */
	validUntil?: number | null;
}

// Control characters (CR and LF above all) are what header injection needs; drop them all.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

/** A single line with no control characters: user input never becomes a mail header. */
export function headerSafe(value: string): string {
	return value.replace(CONTROL_CHARACTERS, ' ').trim().slice(0, 250);
}

const ADDRESS = /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\]+\.[^\s@<>()[\],;:"\\]+$/;

export function isDeliverableAddress(value: string): boolean {
	return value.length <= 254 && ADDRESS.test(value);
}

/**
 * Writes a mail into the outbox inside the caller's transaction: the mail exists exactly when
 * the change that caused it committed. Delivery happens later (notifications/deliver.ts).
 */
export async function enqueueMail(trx: Tx | Db, mail: OutgoingMail, now: Date): Promise<void> {
	if (!isDeliverableAddress(mail.to)) throw new Error('enqueueMail: invalid recipient address');
	const values = {
		created_at: now.getTime(),
		template: mail.template,
		locale: mail.locale,
		to_address: mail.to,
		to_name: headerSafe(mail.toName ?? ''),
		subject: headerSafe(mail.mail.subject),
		text_body: mail.mail.text,
		html_body: mail.mail.html,
		status: 'pending' as const,
		attempts: 0,
		next_attempt_at: now.getTime(),
		dedupe_key: mail.dedupeKey ?? null,
		office_id: mail.officeId ?? null,
		subject_kind: mail.subject?.kind ?? null,
		subject_id: mail.subject ? String(mail.subject.id) : null,
		ics: mail.ics ?? null,
		valid_until: mail.validUntil ?? null
	};
	let insert = trx.insertInto('outbox').values(values);
	if (mail.dedupeKey) insert = insert.onConflict((oc) => oc.column('dedupe_key').doNothing());
	await insert.execute();
}
