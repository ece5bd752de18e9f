/** A message is text with {placeholders}, or a function for plurals and other choices. */
export type Message = string | ((params: Record<string, string | number>) => string);

/** English must have every key German has, and no others: missing text fails the type check. */
export function catalogue<const D extends Record<string, Message>>(de: D, en: { [K in keyof D]: Message }) {
	return { de, en };
}

/**
 * Issue 16: a count in its grammatical number by the language's plural rules (Intl.PluralRules),
 * so "1 Begleitung" and "3 Begleitungen". `param` names the count; the chosen form keeps its
 * {placeholders} for translate() to fill.
 */
export function plural(lang: 'de' | 'en', param: string, forms: { one: string; other: string }): Message {
	const rules = new Intl.PluralRules(lang);
	return (params) => (rules.select(Number(params[param])) === 'one' ? forms.one : forms.other);
}
