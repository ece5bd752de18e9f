import type { Locale } from '../../i18n/locale';
import { escapeHtml } from '../platform/html';

/** A mail as stored in the outbox and shown in Postausgang: subject, plain text and HTML. */
export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
}

export interface MailBlock {
	kind: 'p' | 'button' | 'small';
	text: string;
	href?: string;
}

/**
 * Builds both bodies from the same blocks, so text and HTML never say different things.
 * Every value is escaped; links are shown in full in the text part (no hidden targets).
 */
export function renderMail(lang: Locale, subject: string, blocks: MailBlock[], footer: string): RenderedMail {
	const text = [
		...blocks.map((b) => (b.kind === 'button' && b.href ? `${b.text}:\n${b.href}` : b.text)),
		'--',
		footer
	].join('\n\n');
	const body = blocks
		.map((b) => {
			if (b.kind === 'button' && b.href) {
				return `<p><a href="${escapeHtml(b.href)}" style="display:inline-block;padding:12px 18px;background:#0b5394;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(b.text)}</a></p><p style="font-size:13px;color:#444">${escapeHtml(b.href)}</p>`;
			}
			const size = b.kind === 'small' ? 'font-size:13px;color:#444' : '';
			return `<p style="${size}">${escapeHtml(b.text).replace(/\n/g, '<br>')}</p>`;
		})
		.join('\n');
	const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:600px;margin:0 auto;padding:16px">
${body}
<hr style="border:0;border-top:1px solid #ccc"><p style="font-size:13px;color:#444">${escapeHtml(footer).replace(/\n/g, '<br>')}</p></body></html>`;
	return { subject, text, html };
}
