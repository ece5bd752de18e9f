// `npm start`: build when the sources are newer than the build, then run the server.
// The server itself migrates, seeds demo data into an empty database and prints the logins.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
	let t = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, entry.name);
		t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
	}
	return t;
}

const stamp = 'build/handler.js';
const sources = Math.max(
	newest('src'),
	newest('static'),
	statSync('vite.config.ts').mtimeMs,
	statSync('package.json').mtimeMs
);
if (!existsSync(stamp) || statSync(stamp).mtimeMs < sources || !existsSync('build/cli/cli.js')) {
	console.log('Kreativlotse: building … / baut …');
	// The app, then the command line bundle (build/cli/cli.js, for installs without dev dependencies).
	for (const args of [[], ['--config', 'vite.cli.config.ts']]) {
		const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', ...args], { stdio: 'inherit' });
		if (r.status !== 0) process.exit(r.status ?? 1);
	}
}
const port = process.env.PORT ?? '3000';
const env = { ...process.env, PORT: port, ORIGIN: process.env.ORIGIN ?? `http://localhost:${port}` };
const child = spawn(process.execPath, ['server.mjs'], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
