// `npm run kl -- <command>`: in development the TypeScript sources run through tsx (always current);
// in a production install (`npm prune --omit=dev`, no tsx) the bundle from `npm run build` runs.
import { existsSync } from 'node:fs';

let tsx = null;
if (process.env.NODE_ENV !== 'production') {
	try {
		tsx = await import('tsx/esm/api');
	} catch {
		// production install: dev dependencies are absent
	}
}
if (tsx) {
	tsx.register();
	await import('../src/cli/main.ts');
} else if (existsSync(new URL('../build/cli/cli.js', import.meta.url))) {
	await import('../build/cli/cli.js');
} else {
	console.error('Kreativlotse: build/cli/cli.js is missing; run `npm run build` first.');
	process.exitCode = 1;
}
