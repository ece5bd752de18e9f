import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type { MailTransport, OutboxRow } from './deliver';
import { type MailHeaderContext, mailHeaders } from './mail-headers';

/** The METHOD line of an iCalendar text (REQUEST or CANCEL); REQUEST when absent. */
export function icsMethod(ics: string): 'REQUEST' | 'CANCEL' {
	return /^METHOD:CANCEL\r?$/m.test(ics) ? 'CANCEL' : 'REQUEST';
}

/** nodemailer over SMTP_URL. Addresses and subject are passed as structured fields, never raw headers. */
export function smtpTransport(smtpUrl: string, context?: MailHeaderContext): MailTransport {
	const transporter = nodemailer.createTransport(smtpUrl);
	return {
		async send(row, from) {
			await transporter.sendMail(await mailOptions(row, from, context));
		}
	};
}

/** The message nodemailer builds for an outbox row (also what the header test parses). */
export async function mailOptions(
	row: OutboxRow,
	from: string,
	context?: MailHeaderContext
): Promise<Mail.Options> {
	const extra = context
		? await mailHeaders(row, context)
		: { replyTo: undefined, messageId: undefined, headers: { 'X-Kreativlotse-Mail': String(row.id) } };
	return {
		from,
		to: row.to_name ? { name: row.to_name, address: row.to_address } : row.to_address,
		subject: row.subject,
		text: row.text_body,
		html: row.html_body,
		replyTo: extra.replyTo,
		messageId: extra.messageId,
		headers: extra.headers,
		// A booking's calendar entry travels as termin.ics (text/calendar with its METHOD).
		attachments: row.ics
			? [
					{
						filename: 'termin.ics',
						content: row.ics,
						contentType: `text/calendar; charset=utf-8; method=${icsMethod(row.ics)}`
					}
				]
			: [],
		disableFileAccess: true,
		disableUrlAccess: true
	};
}
