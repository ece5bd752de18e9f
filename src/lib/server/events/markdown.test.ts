import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown, safeHref } from './markdown';

describe('event descriptions: Markdown rendered sanitised', () => {
	it.each([
		[
			'bold and lists',
			'**Jetzt** anmelden\n\n- eins\n- zwei',
			'<p><strong>Jetzt</strong> anmelden</p>\n<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>\n'
		],
		['a script tag is text', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
		[
			'inline HTML is text',
			'a <b onclick="x()">b</b>',
			'<p>a &lt;b onclick=&quot;x()&quot;&gt;b&lt;/b&gt;</p>\n'
		],
		['an img tag is text', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
		['javascript: links lose their link', '[klick](javascript:alert(1))', '<p>klick</p>\n'],
		['data: links lose their link', '[x](data:text/html,<b>x</b>)', '<p>x</p>\n'],
		['relative links lose their link', '[x](/intern)', '<p>x</p>\n'],
		[
			'https links stay, marked external',
			'[Programm](https://example.org/a?b=1&c=2)',
			'<p><a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">Programm</a></p>\n'
		],
		[
			'mailto links stay',
			'[Mail](mailto:info@example.org)',
			'<p><a href="mailto:info@example.org">Mail</a></p>\n'
		],
		['images are not loaded: alt text only', '![Logo](https://tracker.example/pixel.png)', '<p>Logo</p>\n'],
		['headings start at h3', '# Ablauf', '<h3>Ablauf</h3>\n'],
		['quotes in text are escaped', 'Tom & "Jerry"', '<p>Tom &amp; &quot;Jerry&quot;</p>\n']
	])('%s', (_name, source, html) => {
		expect(renderMarkdown(source)).toBe(html);
	});

	it('never lets an executable attribute or tag through (fuzzed inputs)', () => {
		const nasty = [
			'<svg/onload=alert(1)>',
			'[a](JaVaScRiPt:alert(1))',
			'[a](java\tscript:alert(1))',
			'<a href="javascript:alert(1)">x</a>',
			'<iframe src="https://evil.example"></iframe>',
			'[a](https://x.example "t\\" onmouseover=\\"alert(1)")',
			'<style>body{display:none}</style>',
			'`<script>`'
		];
		for (const source of nasty) {
			const html = renderMarkdown(source);
			expect(html, source).not.toMatch(/<(script|svg|iframe|style|img)/i);
			expect(html, source).not.toMatch(/href="javascript/i);
			expect(html, source).not.toMatch(/\son\w+="/i);
		}
	});

	it.each([
		['https://example.org', 'https://example.org/'],
		['http://example.org/x', 'http://example.org/x'],
		['mailto:a@b.de', 'mailto:a@b.de'],
		['javascript:alert(1)', null],
		['vbscript:x', null],
		['//evil.example', null],
		['java\nscript:alert(1)', null]
	])('safeHref(%s) → %s', (href, expected) => {
		expect(safeHref(href)).toBe(expected);
	});

	it('gives plain text for JSON-LD, calendars and mails', () => {
		expect(markdownToText('# Titel\n\n**Fett** & [Link](https://x.example)\n\n<b>x</b>')).toBe(
			'Titel\n\nFett & Link\n\n<b>x</b>'
		);
	});
});
