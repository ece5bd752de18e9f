import { describe, expect, it } from 'vitest';
import { delocalizePath, localeFromPath, localizePath } from './locale';
import { allKeys, translate } from './messages';

describe('message catalogue', () => {
	it('has the same keys in German and English', () => {
		expect(allKeys('en').sort()).toEqual(allKeys('de').sort());
	});
	it('has no empty texts', () => {
		for (const locale of ['de', 'en'] as const) {
			for (const key of allKeys(locale)) {
				const text = translate(locale, key as never, { count: 2, name: 'X', max: 1, min: 1, minutes: 1 });
				expect(text.trim(), `${locale}:${key}`).not.toBe('');
			}
		}
	});
	it('fills placeholders', () => {
		expect(translate('de', 'form.error.tooLong', { max: 200 })).toBe('Bitte höchstens 200 Zeichen.');
		expect(translate('en', 'nav.signedInAs', { name: 'Ada' })).toBe('Signed in as Ada');
	});
});

describe('locale paths', () => {
	it.each([
		['/', 'de', '/', '/en'],
		['/en', 'en', '/', '/en'],
		['/en/anmelden', 'en', '/anmelden', '/en/anmelden'],
		['/anmelden', 'de', '/anmelden', '/en/anmelden'],
		['/enterprise', 'de', '/enterprise', '/en/enterprise']
	])('%s', (path, locale, bare, english) => {
		expect(localeFromPath(path)).toBe(locale);
		expect(delocalizePath(path)).toBe(bare);
		expect(localizePath('en', path)).toBe(english);
		expect(localizePath('de', path)).toBe(bare);
	});
});
