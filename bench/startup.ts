import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from './http-server';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)]!;
}

function rssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** One server start on a fresh SQLite file: ms to the first 200 on /healthz, RSS after settling. */
async function oneStart(port: number, seeded: boolean): Promise<{ ms: number; rss: number }> {
	const dir = mkdtempSync(join(tmpdir(), 'kl-bench-'));
	const env = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: `http://127.0.0.1:${port}`,
		DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`,
		SEED_DEMO: String(seeded),
		KL_QUIET: '1'
	};
	if (seeded) {
		// Seed once beforehand so the timed start measures an ordinary restart, not the first one.
		const warm = spawn(process.execPath, ['server.mjs'], { env, stdio: 'ignore' });
		await waitFor(`http://127.0.0.1:${port}/healthz`, Date.now() + 30_000, 10);
		warm.kill('SIGTERM');
		await new Promise((r) => warm.on('exit', r));
	}
	const started = performance.now();
	const child = spawn(process.execPath, ['server.mjs'], { env, stdio: 'ignore' });
	await waitFor(`http://127.0.0.1:${port}/healthz`, Date.now() + 30_000, 10);
	const ms = performance.now() - started;
	for (let i = 0; i < 20; i++) await fetch(`http://127.0.0.1:${port}/`);
	await new Promise((r) => setTimeout(r, 1500));
	const rss = rssMb(child.pid!);
	child.kill('SIGTERM');
	await new Promise((r) => child.on('exit', r));
	rmSync(dir, { recursive: true, force: true });
	return { ms, rss };
}

/** Baseline: a bare Node process that answers HTTP, started the same way. */
async function baselineStart(port: number): Promise<{ ms: number; rss: number }> {
	const code = `require('http').createServer((q,s)=>s.end('ok')).listen(${port},'127.0.0.1')`;
	const started = performance.now();
	const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
	await waitFor(`http://127.0.0.1:${port}/`, Date.now() + 10_000, 10);
	const ms = performance.now() - started;
	await new Promise((r) => setTimeout(r, 500));
	const rss = rssMb(child.pid!);
	child.kill('SIGTERM');
	await new Promise((r) => child.on('exit', r));
	return { ms, rss };
}

export async function startup(): Promise<void> {
	if (!existsSync('build/handler.js')) {
		console.log('building first …');
		spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	}
	const port = 4390;
	const base: { ms: number; rss: number }[] = [];
	const app: { ms: number; rss: number }[] = [];
	for (let i = 0; i < RUNS; i++) {
		base.push(await baselineStart(port));
		app.push(await oneStart(port, true));
		process.stdout.write(`run ${i + 1}/${RUNS}\r`);
	}
	const b = { ms: median(base.map((x) => x.ms)), rss: median(base.map((x) => x.rss)) };
	const a = { ms: median(app.map((x) => x.ms)), rss: median(app.map((x) => x.rss)) };
	console.log(`runs: ${RUNS} (medians; SQLite, demo data present)`);
	console.log(
		`baseline  bare node http server: start to first answer ${b.ms.toFixed(0)} ms, RSS ${b.rss.toFixed(1)} MB`
	);
	console.log(
		`app       node server.mjs:         start to first answer ${a.ms.toFixed(0)} ms, RSS after 20 page views ${a.rss.toFixed(1)} MB`
	);
	console.log(
		`ratio     start ${(a.ms / b.ms).toFixed(1)}x baseline, RSS ${(a.rss / b.rss).toFixed(1)}x baseline`
	);
	console.log(
		`goals     start ≤ 2000 ms: ${a.ms <= 2000 ? 'met' : 'MISSED'}; idle RSS ≤ 150 MB: ${a.rss <= 150 ? 'met' : 'MISSED'}`
	);
}
