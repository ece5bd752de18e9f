// The command line for production: `vite build --config vite.cli.config.ts` bundles src/cli/main.ts
// into build/cli.js (run after the app build, which empties build/). Dependencies stay external and
// are loaded from node_modules, so the bundle runs with production dependencies only — no tsx.
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const external = [
	...builtinModules,
	...builtinModules.map((m) => `node:${m}`),
	...Object.keys(pkg.dependencies)
];

export default defineConfig({
	logLevel: 'warn',
	build: {
		ssr: 'src/cli/main.ts',
		outDir: 'build/cli',
		emptyOutDir: true,
		target: 'node20',
		minify: false,
		rolldownOptions: {
			external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
			output: { entryFileNames: 'cli.js', format: 'es' },
			checks: { bundlerTimings: false }
		}
	},
	ssr: { noExternal: true }
});
