/**
 * Which catalogue keys a piece of code can ask for. Components call `t('booking.nav')` and also
 * build keys: t(`events.type.${e.type}`), keys in tables (`DESCRIPTIONS`, `FIELD_LABELS`), keys a
 * server load hands over (`data.notice`). So every string literal that is a key counts, wherever it
 * stands, and every template literal whose fixed parts match keys counts for all keys it can
 * produce (`events.type.${x}` -> every `events.type.*`). A template needs a fixed head with a dot
 * (`events.`), so `${a}.${b}` does not drag in the whole catalogue.
 */
const QUOTED = /(['"])([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+)\1/g;
/** A template literal that starts with a key head: `events.type.${ */
const TEMPLATE_START = /`(?=[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]*\$\{)/g;
const HOLE = /\$\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}/g;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The pattern of keys a template literal can produce, or null when it has no fixed key head. */
export function templatePattern(body: string): RegExp | null {
	if (!body.includes('${')) return null;
	const parts = body.split(HOLE);
	const head = parts[0] ?? '';
	if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]*$/.test(head)) return null;
	if (parts.some((p) => !/^[A-Za-z0-9_.-]*$/.test(p))) return null;
	return new RegExp(`^${parts.map(escapeRegExp).join('.+')}$`);
}

/** The text of a template literal from `start` (after its backtick) to its closing backtick. */
function templateBody(code: string, start: number): string | null {
	let depth = 0;
	for (let i = start; i < code.length; i++) {
		const c = code[i];
		if (c === '\\') i++;
		else if (depth === 0 && c === '`') return code.slice(start, i);
		else if (c === '$' && code[i + 1] === '{') {
			depth++;
			i++;
		} else if (depth > 0 && c === '{') depth++;
		else if (depth > 0 && c === '}') depth--;
	}
	return null;
}

export function referencedKeys(code: string, keys: ReadonlySet<string>): Set<string> {
	const found = new Set<string>();
	for (const [, , key = ''] of code.matchAll(QUOTED)) if (keys.has(key)) found.add(key);
	const patterns: RegExp[] = [];
	for (const m of code.matchAll(TEMPLATE_START)) {
		const body = templateBody(code, m.index + 1);
		const pattern = body === null ? null : templatePattern(body);
		if (pattern) patterns.push(pattern);
	}
	if (patterns.length > 0) {
		for (const key of keys) if (patterns.some((p) => p.test(key))) found.add(key);
	}
	return found;
}
