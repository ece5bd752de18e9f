import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import { currentConsentTexts } from './consent';
import { intakeChoices } from './queries';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/** Issue 17: what the intake form of /termin offers, as one read. */
let s = servicesClosedAfterEach();

describe('intakeChoices', () => {
	it.each(['de', 'en'] as const)('active choices by name and the consent texts in %s', async (locale) => {
		s = await testServices();
		await s.db.updateTable('submarket').set({ active: 0 }).where('key', '=', 'design').execute();
		const choices = await intakeChoices(s.db, locale);
		const texts = await currentConsentTexts(s.db);
		for (const list of [choices.submarkets, choices.stages, choices.topics]) {
			expect(list.length).toBeGreaterThan(0);
			expect(list.every((c) => Object.keys(c).join() === 'key,name' && c.name !== c.key)).toBe(true);
		}
		expect(choices.submarkets.map((c) => c.key)).not.toContain('design');
		expect(choices.consents).toEqual({
			processing: texts.processing[locale],
			notes: texts.notes[locale],
			news: texts.news[locale]
		});
	});
});
