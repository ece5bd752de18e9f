import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rps, serverEnv, stop, waitFor } from './http-server';

// Issue 12: GET /healthz through the whole app (hooks, metrics, request log) against a static file
// served by a bare Node HTTP server in its own process, same client, same run. Goal ≥ 0.5×.

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = 10;
const APP_PORT = 4393;
const BARE_PORT = 4394;

// The baseline: node:http streaming a file from disk, nothing else.
const BARE_SERVER = `
const { createServer } = require('node:http');
const { createReadStream } = require('node:fs');
createServer((req, res) => {
	res.writeHead(200, { 'content-type': 'text/plain' });
	createReadStream(process.argv[1]).pipe(res);
}).listen(${BARE_PORT}, '127.0.0.1');
`;

export async function healthz(): Promise<void> {
	if (!existsSync('build/handler.js')) spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
	const dir = mkdtempSync(join(tmpdir(), 'kl-bench-healthz-'));
	const app = spawn(process.execPath, ['server.mjs'], {
		env: serverEnv(APP_PORT, `sqlite:${join(dir, 'bench.db')}`, { SEED_DEMO: 'false', LOG_LEVEL: 'info' }),
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const bare = spawn(process.execPath, ['-e', BARE_SERVER, join(process.cwd(), 'static/favicon.svg')], {
		stdio: ['ignore', 'ignore', 'inherit']
	});
	try {
		await waitFor(`http://127.0.0.1:${APP_PORT}/healthz`, Date.now() + 60_000);
		await waitFor(`http://127.0.0.1:${BARE_PORT}/`, Date.now() + 10_000);
		const fileUrl = `http://127.0.0.1:${BARE_PORT}/`;
		const healthUrl = `http://127.0.0.1:${APP_PORT}/healthz`;
		for (let i = 0; i < 50; i++) {
			await (await fetch(fileUrl)).arrayBuffer();
			await (await fetch(healthUrl)).arrayBuffer();
		}
		// Alternate one-second rounds, so load from other work on the machine hits both alike.
		const file = { rps: 0, errors: 0 };
		const health = { rps: 0, errors: 0 };
		for (let round = 0; round < SECONDS; round++) {
			for (const [url, into] of [
				[fileUrl, file],
				[healthUrl, health]
			] as const) {
				const r = await rps(url, 1, CONCURRENCY);
				into.rps += r.rps / SECONDS;
				into.errors += r.errors;
			}
		}
		console.log(
			`static file (bare node:http) ${file.rps.toFixed(0)} req/s, GET /healthz ${health.rps.toFixed(0)} req/s ` +
				`(${SECONDS} alternating 1-s rounds each, concurrency ${CONCURRENCY}${file.errors + health.errors ? `, ${file.errors + health.errors} errors` : ''})`
		);
		const ratio = health.rps / file.rps;
		console.log(
			`ratio     healthz/static ${ratio.toFixed(2)}; goal ≥ 0.5: ${ratio >= 0.5 ? 'met' : 'MISSED'}`
		);
	} finally {
		await Promise.all([stop(app), stop(bare)]);
		rmSync(dir, { recursive: true, force: true });
	}
}
