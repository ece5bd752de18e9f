import type { ChildProcess } from 'node:child_process';
import { launchEnv } from '../scripts/launch-env.mjs';

// The benches' built server (or bare baseline) in its own process: its environment, waiting for
// its first answer, stopping it, and counting the answers it gives per second.

/**
 * The built server's environment on loopback `port` with `databaseUrl`, no mail worker; `extra` on top;
 * and the memory settings `npm start` launches it with (scripts/launch-env.mjs).
 */
export function serverEnv(
	port: number,
	databaseUrl: string,
	extra: Record<string, string>
): NodeJS.ProcessEnv {
	return launchEnv({
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: `http://127.0.0.1:${port}`,
		DATABASE_URL: databaseUrl,
		MAIL_WORKER: 'false',
		...extra
	});
}

/** Polls `url` every `pollMs` until it answers 2xx; throws after `deadline` (epoch ms). */
export async function waitFor(url: string, deadline: number, pollMs = 20): Promise<void> {
	for (;;) {
		try {
			const r = await fetch(url);
			if (r.ok) return;
		} catch {}
		if (Date.now() > deadline) throw new Error(`no answer from ${url}`);
		await new Promise((r) => setTimeout(r, pollMs));
	}
}

/** SIGTERM, resolved once the process has exited (at once when it already has). */
export async function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return;
	child.kill('SIGTERM');
	await new Promise((r) => child.on('exit', r));
}

/** Requests per second with `concurrency` workers for `seconds`, answers read to the end. */
export async function rps(
	url: string,
	seconds: number,
	concurrency: number
): Promise<{ rps: number; errors: number }> {
	const until = performance.now() + seconds * 1000;
	let done = 0;
	let errors = 0;
	const worker = async () => {
		while (performance.now() < until) {
			const r = await fetch(url);
			await r.arrayBuffer();
			if (r.ok) done++;
			else errors++;
		}
	};
	const started = performance.now();
	await Promise.all(Array.from({ length: concurrency }, worker));
	return { rps: done / ((performance.now() - started) / 1000), errors };
}
