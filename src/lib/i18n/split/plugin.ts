import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';
import { type CatalogueFile, readCatalogueFile } from './catalogue-source.js';
import { referencedKeys } from './key-references.js';

/**
 * Issue 14: each page downloads only the texts it uses. In the client build,
 *  - messages.ts gets empty stand-ins for the catalogue files, so the whole catalogue is not in the
 *    root layout's chunk (the server build keeps the full catalogue);
 *  - every module of src/ that names keys gets a virtual piece imported first, holding exactly those
 *    messages in German and English; the piece registers them (registerMessages) when the module
 *    is evaluated, before any component renders. Rollup puts a piece into the chunk of its module,
 *    so a public page never loads a staff screen's texts.
 * A route component also counts the keys of its server load (+page.server.ts and the files it
 * imports from the route folder): keys handed over in `data` (`data.notice`) come from there.
 * A key the client does not have is logged as a console error (messages.ts), which the e2e console
 * checks catch. The dev server keeps the full catalogue.
 */
const PIECE = '\0kl-messages:';
const EMPTY = '\0kl-messages-empty';

// Vite runs in the project root (vite.config.ts).
const root = resolve('src/lib/i18n');
const srcDir = resolve('src');
const catalogueDir = join(root, 'catalogue');
const messagesModule = join(root, 'messages.ts');
const defineModule = join(catalogueDir, 'define.ts');
/**
 * Modules that are the catalogue or index it: scanning them would count every key. Field labels
 * (ErrorSummary) name the label the form already shows, so the page has that key anyway.
 */
const notScanned = [catalogueDir, messagesModule, join(root, 'field-labels.ts'), join(root, 'split')];

interface Catalogue {
	files: Map<string, CatalogueFile>;
	keyFile: Map<string, string>;
	keys: Set<string>;
}

function readCatalogue(): Catalogue {
	const files = new Map<string, CatalogueFile>();
	const keyFile = new Map<string, string>();
	for (const name of readdirSync(catalogueDir).sort()) {
		if (!name.endsWith('.ts') || name === 'define.ts' || name.endsWith('.test.ts')) continue;
		const file = readCatalogueFile(join(catalogueDir, name));
		files.set(name, file);
		for (const key of file.de.keys()) keyFile.set(key, name);
	}
	return { files, keyFile, keys: new Set(keyFile.keys()) };
}

const SERVER_SIDE: Record<string, string[]> = {
	'+page.svelte': ['+page.server.ts', '+page.ts'],
	'+layout.svelte': ['+layout.server.ts', '+layout.ts'],
	'+error.svelte': []
};

/** The route's load files and the route-folder files they import (one level). */
function serverSources(id: string): string[] {
	const siblings = SERVER_SIDE[basename(id)];
	if (!siblings) return [];
	const texts: string[] = [];
	for (const name of siblings) {
		const path = join(dirname(id), name);
		if (!existsSync(path)) continue;
		const text = readFileSync(path, 'utf8');
		texts.push(text);
		for (const m of text.matchAll(/from\s+['"](\.\.?\/[^'"]+)['"]/g)) {
			const target = resolve(dirname(path), m[1] ?? '');
			for (const candidate of [target, `${target}.ts`, `${target}.js`]) {
				if (existsSync(candidate) && /\.(ts|js)$/.test(candidate)) {
					texts.push(readFileSync(candidate, 'utf8'));
					break;
				}
			}
		}
	}
	return texts;
}

function pieceSource(catalogue: Catalogue, keys: string[]): string {
	const byFile = new Map<string, string[]>();
	for (const key of keys) {
		const name = catalogue.keyFile.get(key) as string;
		byFile.set(name, [...(byFile.get(name) ?? []), key]);
	}
	const lines = [
		`import { registerMessages } from ${JSON.stringify(messagesModule)};`,
		`import * as define from ${JSON.stringify(defineModule)};`
	];
	for (const [name, fileKeys] of byFile) {
		const file = catalogue.files.get(name) as CatalogueFile;
		const table = (lang: 'de' | 'en') =>
			`{${fileKeys.map((k) => `${JSON.stringify(k)}: ${(file[lang].get(k) ?? file.de.get(k)) as string}`).join(',\n')}}`;
		// Each file's helpers in their own scope: two files may both have a `plural`.
		lines.push(
			'registerMessages((() => {',
			...file.defineImports.map((n) => `const ${n} = define.${n};`),
			file.prelude,
			`return { de: ${table('de')}, en: ${table('en')} };`,
			'})());'
		);
	}
	return ts.transpileModule(lines.join('\n'), {
		compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext }
	}).outputText;
}

export function splitCatalogue(): Plugin[] {
	let catalogue: Catalogue;
	const pieces = new Map<string, string[]>();
	// Two plugins: the stand-ins must be resolved before Vite's own resolver, the scan must see
	// compiled components (after the svelte plugin).
	const resolver: Plugin = {
		name: 'kreativlotse:split-catalogue-resolve',
		apply: 'build',
		enforce: 'pre',
		buildStart() {
			catalogue = readCatalogue();
		},
		resolveId(source, importer, options) {
			if (options?.ssr || this.environment?.config.consumer === 'server') return null;
			if (source.startsWith(PIECE) || source === EMPTY) return source;
			if (importer === messagesModule && /^\.\/catalogue\/(?!define)/.test(source)) return EMPTY;
			return null;
		},
		load(id) {
			if (id === EMPTY) return 'export default { de: {}, en: {} };';
			if (id.startsWith(PIECE)) return pieceSource(catalogue, pieces.get(id) ?? []);
			return null;
		}
	};
	const scanner: Plugin = {
		name: 'kreativlotse:split-catalogue-scan',
		apply: 'build',
		enforce: 'post',
		transform(code, id, options) {
			if (options?.ssr || this.environment?.config.consumer === 'server') return null;
			if (id.includes('?') || id.startsWith('\0') || !id.startsWith(`${srcDir}/`)) return null;
			if (!/\.(svelte|ts|js)$/.test(id) || notScanned.some((p) => id.startsWith(p))) return null;
			const keys = referencedKeys([code, ...serverSources(id)].join('\n'), catalogue.keys);
			if (keys.size === 0) return null;
			// Ends in .js: other plugins (svelte) must not take the piece for their own kind of file.
			const piece = `${PIECE}${id.slice(srcDir.length + 1)}.messages.js`;
			pieces.set(piece, [...keys].sort());
			return { code: `import ${JSON.stringify(piece)};\n${code}`, map: null };
		}
	};
	return [resolver, scanner];
}
