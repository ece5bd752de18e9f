import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { transact } from '../db/transaction';
import { enqueueMail, headerSafe, isDeliverableAddress } from './outbox';
import { escapeHtml } from '../platform/html';
import { renderMail } from './render';
import { sampleMail } from './test-mails';
import { closeServicesAfterEach } from '../../../../tests/support/services-per-test';

let s: TestServices | undefined;
closeServicesAfterEach();

async function count(db: TestServices['db']) {
	const r = await db
		.selectFrom('outbox')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

describe('enqueueMail', () => {
	it('writes nothing when the surrounding transaction rolls back', async () => {
		s = await testServices();
		const db = s.db;
		await expect(
			transact(db, async (trx) => {
				await enqueueMail(trx, sampleMail(), s!.clock.now());
				expect(await count(trx)).toBe(1);
				throw new Error('the change failed');
			})
		).rejects.toThrow('the change failed');
		expect(await count(db)).toBe(0);
	});

	it('commits the mail with the transaction', async () => {
		s = await testServices();
		await transact(s.db, (trx) => enqueueMail(trx, sampleMail(), s!.clock.now()));
		expect(await count(s.db)).toBe(1);
	});

	it('stores a mail once per dedupe key', async () => {
		s = await testServices();
		const now = s.clock.now();
		await enqueueMail(s.db, sampleMail({ dedupeKey: 'booking:42:confirmed' }), now);
		await enqueueMail(s.db, sampleMail({ dedupeKey: 'booking:42:confirmed' }), now);
		await transact(s.db, (trx) => enqueueMail(trx, sampleMail({ dedupeKey: 'booking:42:confirmed' }), now));
		expect(await count(s.db)).toBe(1);
		await enqueueMail(s.db, sampleMail({ dedupeKey: 'booking:43:confirmed' }), now);
		await enqueueMail(s.db, sampleMail(), now);
		await enqueueMail(s.db, sampleMail(), now);
		expect(await count(s.db)).toBe(4);
	});

	it.each([
		'kim@example.org\r\nBcc: victim@example.org',
		'kim@example.org\nBcc: victim@example.org',
		'kim@example.org, victim@example.org',
		'Kim <kim@example.org>',
		'not-an-address',
		''
	])('refuses the recipient %j', async (to) => {
		s = await testServices();
		await expect(enqueueMail(s.db, sampleMail({ to }), s.clock.now())).rejects.toThrow(/invalid recipient/);
		expect(await count(s.db)).toBe(0);
	});

	it('stores name and subject as single header-safe lines', async () => {
		s = await testServices();
		const mail = sampleMail({ toName: 'Kim\r\nBcc: victim@example.org' });
		mail.mail = { ...mail.mail, subject: 'Termin\r\nBcc: victim@example.org' };
		await enqueueMail(s.db, mail, s.clock.now());
		const r = await s.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
		expect(r.to_name).not.toMatch(/[\r\n]/);
		expect(r.subject).not.toMatch(/[\r\n]/);
		expect(r.subject).toBe('Termin Bcc: victim@example.org');
		expect(r.status).toBe('pending');
	});
});

describe('headerSafe', () => {
	it('removes CR and LF so user input never becomes a header', () => {
		const safe = headerSafe('Hallo\r\nBcc: x@y');
		expect(safe).not.toMatch(/[\r\n]/);
		expect(safe).toBe('Hallo Bcc: x@y');
	});
	it.each([
		['\u0000Null\u0007', 'Null'],
		['  spaced  ', 'spaced'],
		['Tab\there', 'Tab here'],
		['x'.repeat(300), 'x'.repeat(250)]
	])('%j -> %j', (input, expected) => {
		expect(headerSafe(input)).toBe(expected);
	});
});

describe('isDeliverableAddress', () => {
	it.each([
		['kim@example.org', true],
		['kim.kreativ+termine@beispiel.de', true],
		['kim@localhost', false],
		['a@b.c\r\n', false],
		[`${'a'.repeat(250)}@example.org`, false]
	])('%j -> %s', (value, ok) => {
		expect(isDeliverableAddress(value)).toBe(ok);
	});
});

describe('renderMail', () => {
	const mail = renderMail(
		'de',
		'Termin für <b>Kim</b> & Co',
		[
			{ kind: 'p', text: 'Ihre Nachricht: <script>alert("x")</script>\nZweite Zeile' },
			{
				kind: 'button',
				text: 'Öffnen <img src=x onerror=alert(1)>',
				href: 'https://example.org/t?a=1&b="2"'
			},
			{ kind: 'small', text: "O'Brien" }
		],
		'Fußzeile <i>'
	);

	it('escapes user input in the HTML part', () => {
		expect(mail.html).not.toContain('<script>');
		expect(mail.html).not.toContain('<img');
		expect(mail.html).not.toContain('<b>Kim');
		expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
		expect(mail.html).toContain('href="https://example.org/t?a=1&amp;b=&quot;2&quot;"');
		expect(mail.html).toContain('<title>Termin für &lt;b&gt;Kim&lt;/b&gt; &amp; Co</title>');
		expect(mail.html).toContain('O&#39;Brien');
		expect(mail.html).toContain('Fußzeile &lt;i&gt;');
		expect(mail.html).toContain('<html lang="de">');
	});

	it('shows every link in full in the plain-text part', () => {
		expect(mail.text).toContain('https://example.org/t?a=1&b="2"');
		expect(mail.text).toContain('Ihre Nachricht: <script>alert("x")</script>\nZweite Zeile');
		expect(mail.text.endsWith('--\n\nFußzeile <i>')).toBe(true);
	});

	it('escapes the five HTML-special characters', () => {
		expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
			'&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;'
		);
	});
});
