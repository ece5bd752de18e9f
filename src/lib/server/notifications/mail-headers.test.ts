import type { Locale } from '../../i18n/locale';
import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { databaseMailHeaderContext, isTransactional } from './mail-headers';
import { enqueueMail } from './outbox';
import { mailOptions } from './smtp-transport';
import { sampleMail } from './test-mails';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

/** Builds the raw RFC 5322 message exactly as the SMTP transport would send it, then parses it. */
async function sentAs(s: TestServices, template: string, officeId: number | null, locale: Locale = 'de') {
	await enqueueMail(s.db, sampleMail({ template, officeId, locale }), s.clock.now());
	const row = await s.db.selectFrom('outbox').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
	const ctx = databaseMailHeaderContext(s.db, s.config);
	const options = await mailOptions(row, s.config.mailFrom, ctx);
	const raw = await new MailComposer(options).compile().build();
	return { row, parsed: await simpleParser(raw) };
}

describe('mail headers, parsed by mailparser', () => {
	it('a booking confirmation: auto-generated, Reply-To the office, language, Message-ID on the domain', async () => {
		s = await testServices({ env: { MAIL_FROM: 'Kreativlotse <no-reply@kreativlotse.example>' } });
		const office = await s.db.selectFrom('office').select(['id', 'email']).executeTakeFirstOrThrow();
		await s.db
			.updateTable('office')
			.set({ email: 'hamburg@kreativlotse.example' })
			.where('id', '=', office.id)
			.execute();
		const { row, parsed } = await sentAs(s, 'booking.confirmed', office.id);
		expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
		expect(parsed.replyTo?.value[0]?.address).toBe('hamburg@kreativlotse.example');
		expect(parsed.headers.get('content-language')).toBe('de');
		expect(parsed.messageId).toBe(`<kl-${row.id}.${row.created_at.toString(36)}@kreativlotse.example>`);
		expect(parsed.from?.value[0]?.address).toBe('no-reply@kreativlotse.example');
		// Strictly transactional: no List-Unsubscribe.
		expect(parsed.headers.has('list')).toBe(false);
		expect(parsed.subject).toBe('Ihr Termin ist bestätigt');
	});

	it('a check-in (not strictly transactional) in English: List-Unsubscribe to the network address', async () => {
		s = await testServices({
			env: { MAIL_REPLY_TO: 'netzwerk@kreativlotse.example', MAIL_DOMAIN: 'mail.kreativlotse.example' }
		});
		const { parsed } = await sentAs(s, 'checkins.check_in', null, 'en');
		expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
		expect(parsed.headers.get('content-language')).toBe('en');
		expect(parsed.replyTo?.value[0]?.address).toBe('netzwerk@kreativlotse.example');
		expect(parsed.messageId).toMatch(/@mail\.kreativlotse\.example>$/);
		// mailparser gathers the List-* headers under "list".
		const list = parsed.headers.get('list') as { unsubscribe?: { mail?: string } };
		expect(list.unsubscribe?.mail).toBe('netzwerk@kreativlotse.example?subject=Unsubscribe');
	});

	it.each([
		['booking.confirmed', true],
		['booking.reminder', true],
		['identity.password_reset', true],
		['checkins.check_in', false],
		['referral.followup', false],
		['visibility.open_reminder', false],
		['event.thanks', false]
	])('%s is strictly transactional: %s', (template, expected) => {
		expect(isTransactional(template)).toBe(expected);
	});
});
