// `npm start`: build when the sources are newer than the build, then run the server.
// The server itself migrates, seeds demo data into an empty database and prints the logins.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { join } from 'node:path';
import { launchEnv } from './launch-env.mjs';

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
const env = launchEnv({
	...process.env,
	PORT: port,
	ORIGIN: process.env.ORIGIN ?? `http://localhost:${port}`
});
const child = spawn(process.execPath, ['server.mjs'], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
// A server killed by a signal (kill -9, OOM) is a failure: exit 128+n like a shell, so a supervisor
// with a restart-on-failure policy brings it back (exit 0 would read as a deliberate stop).
child.on('exit', (code, signal) => {
	if (code !== null) process.exit(code);
	process.exit(signal === 'SIGTERM' || signal === 'SIGINT' ? 0 : 128 + (osConstants.signals[signal] ?? 0));
});
