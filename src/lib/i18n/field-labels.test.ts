import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldLabel } from './field-labels';
import { translate } from './messages';

/** Issue 16: every field a form renders has a name for the error summary. */
function svelteFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		return statSync(path).isDirectory() ? svelteFiles(path) : path.endsWith('.svelte') ? [path] : [];
	});
}

function fieldNames(source: string): string[] {
	const names: string[] = [];
	// Raw controls and the field components that take a `name` (components/ renders them).
	for (const m of source.matchAll(
		/<(input|select|textarea|TextArea|Field|SelectField|TextAreaField|CheckField|CheckGroup|FilterSelect)\b([^>]*)>/g
	)) {
		const attrs = m[2]!;
		// Hidden inputs and the password managers' hidden user name are not fields people fill in.
		if (/type="hidden"|\bhidden\b/.test(attrs)) continue;
		const fixed = /\bname="([A-Za-z_0-9]+)"/.exec(attrs)?.[1];
		// Numbered rows: name={`stepText${i}`} → stepText1
		const row = /\bname=\{`([A-Za-z_]+)\$\{/.exec(attrs)?.[1];
		if (fixed) names.push(fixed);
		if (row) names.push(`${row}1`);
	}
	return names;
}

describe('field labels for error summaries', () => {
	const files = [...svelteFiles('src/routes'), ...svelteFiles('src/lib/components')];
	const all = [...new Set(files.flatMap((f) => fieldNames(readFileSync(f, 'utf8'))))].sort();

	it('finds the forms’ fields', () => {
		expect(all.length).toBeGreaterThan(150);
		expect(all).toContain('email');
		expect(all).toContain('stepText1');
	});

	it('names every field in German and English', () => {
		const missing = all.filter((name) => fieldLabel(name) === null);
		expect(missing).toEqual([]);
		for (const name of all) {
			const label = fieldLabel(name)!;
			for (const locale of ['de', 'en'] as const) {
				const text = translate(locale, label.key, label.params);
				expect(text, `${locale}:${name}`).not.toMatch(/\{\w+\}/);
			}
		}
	});

	it.each([
		['name', 'Name'],
		['email', 'E-Mail-Adresse'],
		['stepText2', 'Schritt 2'],
		['link_0', 'Link 1']
	])('%s → %s', (name, label) => {
		const l = fieldLabel(name)!;
		expect(translate('de', l.key, l.params)).toBe(label);
	});
});
