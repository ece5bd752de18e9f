import { describe, expect, it } from 'vitest';
import { allKeys } from '../messages';
import { readCatalogueFile } from './catalogue-source';
import { referencedKeys } from './key-references';

const keys = new Set(allKeys('de'));

describe('which keys a module names (issue 14, catalogue split)', () => {
	it('counts quoted keys and every key a template literal can produce, not look-alikes', () => {
		const code = [
			"t()('booking.nav'); x(\"layout.skip\"); const s = 'not.a.key';",
			// Svelte's compiled form of t(`events.type.${e.type}`):
			't()(`events.type.\u0024{$.get(e).type ?? ""}`)',
			'`\u0024{a}.\u0024{b}` `plain text` `booking.flow.step\u0024{n}`'
		].join('\n');
		const found = referencedKeys(code, keys);
		expect(found.has('booking.nav')).toBe(true);
		expect(found.has('layout.skip')).toBe(true);
		expect(found.has('not.a.key')).toBe(false);
		const types = [...keys].filter((k) => k.startsWith('events.type.'));
		expect(types.length).toBeGreaterThan(1);
		for (const k of types) expect(found.has(k)).toBe(true);
		expect(found.has('booking.flow.step1')).toBe(true);
		// `${a}.${b}` has no fixed head: it must not drag in the catalogue.
		expect(found.size).toBeLessThan(40);
	});

	it('reads every catalogue file message by message, spreads included, both languages', () => {
		const pages = readCatalogueFile('src/lib/i18n/catalogue/pages.ts');
		expect(pages.de.get('pages.easy.title')).toBe("'Leichte Sprache'");
		expect(pages.en.has('pages.easy.title')).toBe(true);
		const identity = readCatalogueFile('src/lib/i18n/catalogue/identity.ts');
		expect(identity.prelude).toContain('minutesDe');
		expect(identity.de.get('identity.login.throttled')).toContain('minutesDe');
	});
});
