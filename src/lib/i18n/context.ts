import { getContext, setContext } from 'svelte';
import { type Locale, localizePath } from './locale';
import { type Translate, translator } from './messages';

export interface I18n {
	locale: Locale;
	t: Translate;
	/** A German path in the current language: href('/anmelden') -> '/en/anmelden' in English. */
	href: (path: string) => string;
}

const KEY = Symbol('i18n');

export function createI18n(locale: Locale): I18n {
	return { locale, t: translator(locale), href: (path) => localizePath(locale, path) };
}

/** Called by the root layout; its value follows the page's locale. */
export function setI18n(get: () => I18n): void {
	setContext(KEY, get);
}

/** In components: `const i18n = useI18n();` then `i18n().t('key')`. */
export function useI18n(): () => I18n {
	const get = getContext<(() => I18n) | undefined>(KEY);
	if (!get) throw new Error('useI18n() outside the root layout');
	return get;
}
