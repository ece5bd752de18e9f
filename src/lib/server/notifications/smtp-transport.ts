import nodemailer from 'nodemailer';
import type { MailTransport } from './deliver';

/** The METHOD line of an iCalendar text (REQUEST or CANCEL); REQUEST when absent. */
export function icsMethod(ics: string): 'REQUEST' | 'CANCEL' {
	return /^METHOD:CANCEL\r?$/m.test(ics) ? 'CANCEL' : 'REQUEST';
}

/** nodemailer over SMTP_URL. Addresses and subject are passed as structured fields, never raw headers. */
export function smtpTransport(smtpUrl: string): MailTransport {
	const transporter = nodemailer.createTransport(smtpUrl);
	return {
		async send(row, from) {
			await transporter.sendMail({
				from,
				to: row.to_name ? { name: row.to_name, address: row.to_address } : row.to_address,
				subject: row.subject,
				text: row.text_body,
				html: row.html_body,
				headers: { 'X-Kreativlotse-Mail': String(row.id) },
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
			});
		}
	};
}
