import { describe, expect, it } from 'vitest';
import { allKeys, type MessageKey, translate } from './messages';

/** Issue 16: every count is shown in its grammatical number ("1 Begleitung", not "1 Begleitungen"). */
describe('plural forms', () => {
	it.each([
		['cases.table.caption', { count: 1 }, '1 Begleitung'],
		['cases.table.caption', { count: 2 }, '2 Begleitungen'],
		['cases.table.caption', { count: 0 }, '0 Begleitungen'],
		['availability.settings.hours', { n: 1 }, '1 Stunde'],
		['availability.settings.days', { n: 14 }, '14 Tage'],
		['referrals.outcome.shown', { count: 1, share: 100 }, '1 Rückmeldung, davon 100 % „hat geholfen“'],
		[
			'portal.login.throttled',
			{ minutes: 1 },
			'Zu viele Anfragen. Bitte versuchen Sie es in 1 Minute erneut.'
		],
		[
			'stats.summary.monthly',
			{ total: 1, max: 1, maxMonth: 'Juni' },
			'1 Beratung im Zeitraum; die meisten im Juni (1).'
		]
	] as const)('de %s %o → %s', (key, params, text) => {
		expect(translate('de', key as MessageKey, params)).toBe(text);
	});

	it.each([
		['cases.table.caption', { count: 1 }, '1 case'],
		['audit.caption', { count: 1 }, 'Audit log entries, newest first (1 result)'],
		['availability.settings.minutes', { n: 1 }, '1 minute']
	] as const)('en %s %o → %s', (key, params, text) => {
		expect(translate('en', key as MessageKey, params)).toBe(text);
	});

	it('no plain text puts a count before a noun (use plural() from catalogue/define.ts)', () => {
		// Bounds that are never 1 in practice (characters, lines) may stay plain.
		const bounds = /\{(max|min)\}/;
		const offenders: string[] = [];
		for (const locale of ['de', 'en'] as const) {
			for (const key of allKeys(locale)) {
				const one = translate(locale, key as MessageKey, {
					count: 1,
					n: 1,
					minutes: 1,
					days: 1,
					hours: 1,
					weeks: 1
				});
				const raw = translate(locale, key as MessageKey, {});
				if (bounds.test(raw)) continue;
				if (
					/(^|[\s(])1 (Minuten|Tagen|Tage|Stunden|Wochen|Begleitungen|Rückmeldungen|Einträge|Büros|Postleitzahlen|Beratungen|minutes|days|hours|weeks|cases|answers|entries|offices|postcodes|results|consultations)\b/.test(
						one
					)
				)
					offenders.push(`${locale}:${key}: ${one}`);
			}
		}
		expect(offenders).toEqual([]);
	});
});
