import nodemailer from 'nodemailer';
import type { MailTransport } from './deliver';

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
				disableFileAccess: true,
				disableUrlAccess: true
			});
		}
	};
}
