/** German is the base language at `/`; English lives under `/en`. */
export type Locale = 'de' | 'en';
export const locales: readonly Locale[] = ['de', 'en'];
export const baseLocale: Locale = 'de';

export function localeFromPath(pathname: string): Locale {
	return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'de';
}

/** '/en/anmelden' -> '/anmelden' */
export function delocalizePath(pathname: string): string {
	if (pathname === '/en') return '/';
	return pathname.startsWith('/en/') ? pathname.slice(3) : pathname;
}

/** ('en', '/anmelden') -> '/en/anmelden'. Paths are always written in their German form. */
export function localizePath(locale: Locale, path: string): string {
	const bare = delocalizePath(path);
	if (locale === 'de') return bare;
	return bare === '/' ? '/en' : `/en${bare.startsWith('/') ? '' : '/'}${bare}`;
}

export function isLocale(value: unknown): value is Locale {
	return value === 'de' || value === 'en';
}
