import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { testServices } from '../../../tests/support/test-database';
import WithI18n from '../../../tests/support/WithI18n.svelte';
import { formatPeriodDays } from '$lib/format/period';
import type { Locale } from '$lib/i18n/locale';
import { RETENTION_TABLE } from '$lib/server/privacy/retention-rules';
import { setServices } from '$lib/server/runtime';
import { load } from './+page.server';
import Page from './+page.svelte';
import { servicesClosedAfterEach } from '../../../tests/support/services-per-test';

let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

/** The page as the server renders it, in one language, with the configuration of `env`. */
async function renderNotice(locale: Locale, env: Record<string, string> = {}): Promise<string> {
	await s?.close();
	s = await testServices({ env });
	setServices(s);
	const data = { ...(load({} as never) as object), feedbackContact: 'netzwerk@example.org' };
	const page = render(
		// The page under the i18n context, as the root layout would wrap it.
		WithI18n,
		{
			props: {
				locale,
				children: ((anchor: unknown) =>
					(Page as unknown as (a: unknown, p: unknown) => void)(anchor, { data })) as never
			}
		}
	);
	// Whitespace as the reader sees it (the template breaks lines between parts of a sentence).
	return page.body.replace(/<!--[^>]*-->/g, '').replace(/\s+/g, ' ');
}

/** The text of the retention list entry of `key`. */
function entry(html: string, key: string): string {
	const m = new RegExp(`<li data-retention="${key}"[^>]*>(.*?)</li>`).exec(html);
	expect(m, `retention entry ${key}`).toBeTruthy();
	return m![1]!;
}

describe('/datenschutz is generated from the retention table and the configuration', () => {
	for (const locale of ['de', 'en'] as const) {
		it(`names every retention rule with its period and legal basis (${locale})`, async () => {
			const html = await renderNotice(locale);
			for (const rule of RETENTION_TABLE) {
				const text = entry(html, rule.key);
				expect(text).toContain(formatPeriodDays(rule.days, locale));
				expect(text).toContain(locale === 'de' ? 'Rechtsgrundlage' : 'Legal basis');
				for (const basis of rule.bases) {
					const article = basis.replace(/^art(\d+).*$/, '$1');
					expect(text, `${rule.key} names Art. ${article}`).toContain(`Art. ${article}`);
				}
			}
			expect(html).toContain(locale === 'de' ? '90 Tage nach dem Versand' : '90 days after sending');
			expect(html).toContain(
				locale === 'de' ? '12 Monate nach dem Termin' : '12 months after the appointment'
			);
		});
	}

	it('changes with RETENTION_DAYS, the session lifetime and DPO_CONTACT', async () => {
		const plain = await renderNotice('de');
		expect(plain).toContain('Versandte E-Mails: 90 Tage');
		expect(plain).toContain('kl_session');
		expect(plain).toContain('nach 30 Minuten ohne Aktivität, spätestens nach 10 Stunden');
		// Without an officer configured, the network contact answers.
		expect(plain).toMatch(
			/Fragen an die Datenschutzbeauftragte oder den Datenschutzbeauftragten richten Sie bitte an: \S+/
		);

		const changed = await renderNotice('de', {
			RETENTION_DAYS: 'mails=45,bookings_past=548',
			SESSION_IDLE_MINUTES: '20',
			SESSION_ABSOLUTE_HOURS: '8',
			DPO_CONTACT: 'dsb@example.org'
		});
		expect(entry(changed, 'mails')).toContain('45 Tage nach dem Versand');
		expect(changed).not.toContain('90 Tage');
		expect(entry(changed, 'bookings_past')).toContain('18 Monate nach dem Termin');
		expect(changed).toContain('nach 20 Minuten ohne Aktivität, spätestens nach 8 Stunden');
		expect(changed).toContain('Datenschutzbeauftragten erreichen Sie unter: dsb@example.org');
		const en = await renderNotice('en', { RETENTION_DAYS: 'mails=45' });
		expect(entry(en, 'mails')).toContain('45 days after sending');
	});
});
