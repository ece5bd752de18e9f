import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Issue 16: the census of forms the empty-form test must reach. A route counts when its page,
 * or a component it imports (at any depth, `./`, `../` or `$lib/`), renders a `<form>` and a
 * field marked `required`. It over-counts rather than misses: a page whose required field sits
 * outside any POST form still has to be listed, and its probe then fails, which tells us.
 */
const ROUTES = resolve('src/routes');

interface Renders {
	form: boolean;
	required: boolean;
}

function rendersOf(file: string, seen = new Map<string, Renders>()): Renders {
	const known = seen.get(file);
	if (known) return known;
	const text = readFileSync(file, 'utf8');
	// A field component that takes `required` as a prop (Field, TextArea) marks nothing itself:
	// its user does, by passing `required`, which the user's own text then shows.
	const passThrough = /\brequired\?\s*:/.test(text);
	const own: Renders = { form: /<form\b/.test(text), required: !passThrough && /\brequired\b/.test(text) };
	seen.set(file, own);
	for (const m of text.matchAll(/import\s+\w+\s+from\s+'([^']+\.svelte)'/g)) {
		const spec = m[1]!;
		const target = spec.startsWith('$lib/')
			? resolve('src/lib', spec.slice(5))
			: resolve(dirname(file), spec);
		const child = rendersOf(target, seen);
		own.form ||= child.form;
		own.required ||= child.required;
	}
	return own;
}

function pages(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? pages(join(dir, e.name)) : e.name === '+page.svelte' ? [join(dir, e.name)] : []
	);
}

/** Route ids ("/intern/buero/[key]/kalender/[id]") whose page renders a form with a required field. */
export function routesWithRequiredFields(): string[] {
	return pages(ROUTES)
		.filter((p) => {
			const r = rendersOf(p);
			return r.form && r.required;
		})
		.map((p) => `/${relative(ROUTES, dirname(p))}`.replace(/\/$/, '') || '/')
		.sort();
}
