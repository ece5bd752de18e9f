import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { splitCatalogue } from './src/lib/i18n/split/plugin.js';

/**
 * The one inline style on our pages is Kit's own: the route announcer its generated root
 * component mounts in the browser after hydration (`<div id="svelte-announcer" style="…">`),
 * which logged a CSP violation on every page. We cannot give it a class, so its exact style
 * text is allowed by hash ('unsafe-hashes' admits only attribute values with that hash). The
 * hash is taken from the installed Kit, so an upgrade that changes the text changes it too.
 */
function announcerStyleHash(): `sha256-${string}` {
	const source = readFileSync(
		new URL('./node_modules/@sveltejs/kit/src/core/sync/write_root.js', import.meta.url),
		'utf8'
	);
	const style = /id="svelte-announcer"[^>]*\sstyle="([^"]+)"/.exec(source)?.[1];
	if (!style) throw new Error('Kit route announcer style not found: check vite.config.ts');
	return `sha256-${createHash('sha256').update(style).digest('base64')}`;
}

export default defineConfig({
	plugins: [
		sveltekit({
			compilerOptions: {
				runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
			},
			adapter: adapter({ out: 'build' }),
			// Kit writes the CSP (with nonces for its own inline scripts) on every page response;
			// server.mjs adds the same baseline to everything else (assets, endpoints).
			csp: {
				mode: 'nonce',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self'],
					'style-src-attr': ['unsafe-hashes', announcerStyleHash()],
					'img-src': ['self', 'data:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'form-action': ['self'],
					'object-src': ['none'],
					'base-uri': ['none'],
					'frame-ancestors': ['none'],
					'frame-src': ['self']
				}
			},
			typescript: {
				config: (cfg) => ({ ...cfg, include: [...(cfg.include as string[]), '../playwright.config.ts'] })
			}
		}),
		// Issue 14: each page's client code carries only the messages it uses.
		splitCatalogue()
	],
	server: { fs: { allow: ['..'] } },
	// The plugin-timing report is for people tuning the build; on `npm start` it only confuses.
	build: { rolldownOptions: { checks: { bundlerTimings: false } } },
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['tests/support/setup-unit.ts'],
		testTimeout: 20_000,
		hookTimeout: 30_000,
		pool: 'forks'
	}
});
