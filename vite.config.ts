import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

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
		})
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
