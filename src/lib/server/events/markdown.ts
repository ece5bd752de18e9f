import { Marked, type Tokens } from 'marked';
import { escapeHtml } from '../platform/html';

/**
 * Event descriptions are Markdown written by staff, shown on a public page. Rendered with
 * `marked` and sanitised by an allow-list of our own, on the server:
 * - raw HTML in the source is never passed through: it is shown as text;
 * - links only to http(s) and mailto; anything else (javascript:, data:, relative tricks)
 *   loses its link and keeps its text; external links get rel="noopener noreferrer nofollow";
 * - images are not loaded (no third-party requests from our pages): their alt text is shown;
 * - headings start at level 3 (the page has h1 and h2).
 */
/** Only absolute http(s) and mailto links survive. */
export function safeHref(href: string): string | null {
	const trimmed = href.trim();
	// Control characters and whitespace inside a scheme are how filters get fooled; refuse them.
	// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
	if (/[\u0000-\u001f\u007f\s]/.test(trimmed)) return null;
	try {
		const url = new URL(trimmed);
		if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:') return url.href;
	} catch {
		// not absolute: refused
	}
	return null;
}

const marked = new Marked({
	gfm: true,
	breaks: false,
	async: false,
	renderer: {
		html(token: Tokens.HTML | Tokens.Tag) {
			return escapeHtml(token.text);
		},
		link(token: Tokens.Link) {
			const text = this.parser.parseInline(token.tokens);
			const href = safeHref(token.href);
			if (!href) return text;
			const external = !href.startsWith('mailto:');
			const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
			return `<a href="${escapeHtml(href)}"${title}${external ? ' rel="noopener noreferrer nofollow"' : ''}>${text}</a>`;
		},
		image(token: Tokens.Image) {
			return escapeHtml(token.text);
		},
		heading(token: Tokens.Heading) {
			const level = Math.min(6, token.depth + 2);
			return `<h${level}>${this.parser.parseInline(token.tokens)}</h${level}>\n`;
		}
	}
});

export const DESCRIPTION_MAX = 10_000;

/** Sanitised HTML for the event page. */
export function renderMarkdown(source: string): string {
	return marked.parse(source.slice(0, DESCRIPTION_MAX)) as string;
}

/** Plain text (for JSON-LD, iCalendar and mails): Markdown syntax stripped, whitespace folded. */
export function markdownToText(source: string): string {
	return renderMarkdown(source)
		.replace(/<\/(p|h\d|li|blockquote|pre)>/g, '\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
