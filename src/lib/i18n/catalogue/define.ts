/** A message is text with {placeholders}, or a function for plurals and other choices. */
export type Message = string | ((params: Record<string, string | number>) => string);

/** English must have every key German has, and no others: missing text fails the type check. */
export function catalogue<const D extends Record<string, Message>>(de: D, en: { [K in keyof D]: Message }) {
	return { de, en };
}
