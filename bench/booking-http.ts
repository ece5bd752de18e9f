import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoAvailability } from '../src/lib/server/booking/demo';
import { createDb } from '../src/lib/server/db/client';
import { parseDatabaseUrl } from '../src/lib/server/platform/database-url';
import { addDays, berlinDate } from '../src/lib/time/berlin';
import { rps, serverEnv, stop, waitFor } from './http-server';

// Issue 3, benchmark (b) and (c) over real HTTP against the built server (loopback only):
// (b) N parallel POST /api/v1/bookings for one slot: outcomes per status code and total time;
// (c) requests per second of GET /api/v1/offices/{id}/slots (8 weeks) against GET /healthz on
//     the same server in the same run, as a ratio (goal ≥ 0.5).
// SQLite on a fresh file with demo data; PostgreSQL too when BENCH_DATABASE_URL is set.

const PARALLEL = Number(process.env.BENCH_BOOKINGS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = 10;
const PORT = 4391;
const BASE = `http://127.0.0.1:${PORT}`;

async function start(databaseUrl: string): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['server.mjs'], {
		env: serverEnv(PORT, databaseUrl, {
			SEED_DEMO: 'true',
			// The benchmark is one client address making thousands of requests.
			API_RATE_LIMIT: '1000000',
			KL_QUIET: '1'
		}),
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const exited = new Promise<never>((_, reject) =>
		child.on('exit', (code) => reject(new Error(`server exited with ${code} before answering`)))
	);
	await Promise.race([waitFor(`${BASE}/healthz`, Date.now() + 60_000), exited]);
	return child;
}

/** Demo weekly hours, in case the server's own demo seed does not add them. Idempotent. */
async function ensureAvailability(databaseUrl: string): Promise<void> {
	const d = createDb(parseDatabaseUrl(databaseUrl));
	try {
		await seedDemoAvailability(d.db, new Date());
	} finally {
		await d.close();
	}
}

async function json<T>(path: string): Promise<T> {
	const r = await fetch(BASE + path);
	if (!r.ok) throw new Error(`${path}: ${r.status}`);
	return (await r.json()) as T;
}

type SlotList = { slots: { start: string; end: string; format: string; consultantId: number }[] };

/** An office with free office-format slots in the next 8 weeks, and the 8-week path. */
async function pickOffice(): Promise<{ id: number; path: string; slots: SlotList['slots'] }> {
	const { offices } = await json<{ offices: { id: number; key: string }[] }>('/api/v1/offices');
	const from = berlinDate(Date.now());
	const to = addDays(from, 55);
	for (const o of offices) {
		const path = `/api/v1/offices/${o.id}/slots?from=${from}&to=${to}`;
		const { slots } = await json<SlotList>(path);
		if (slots.some((s) => s.format === 'office')) return { id: o.id, path, slots };
	}
	throw new Error('no office has free slots (demo availability missing?)');
}

async function parallelBookings(officeId: number, slot: SlotList['slots'][number]): Promise<void> {
	const run = `${process.pid}-${Date.now()}`;
	const body = (i: number) =>
		JSON.stringify({
			officeId,
			start: slot.start,
			format: slot.format,
			consultantId: slot.consultantId,
			name: `Bench Person ${i}`,
			email: `bench-${run}-${i}@example.org`,
			land: 'DE-NW',
			submarket: 'design',
			stage: 'idee',
			topics: [],
			concern: 'Benchmark',
			consents: { processing: true, notes: false }
		});
	const started = performance.now();
	const statuses = await Promise.all(
		Array.from({ length: PARALLEL }, (_, i) =>
			fetch(`${BASE}/api/v1/bookings`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${run}-${i}` },
				body: body(i)
			}).then(async (r) => {
				await r.arrayBuffer();
				return r.status;
			})
		)
	);
	const ms = performance.now() - started;
	const counts = new Map<number, number>();
	for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
	const summary = [...counts.entries()]
		.sort((a, b) => a[0] - b[0])
		.map(([code, n]) => `${n} × ${code}`)
		.join(', ');
	const ok = counts.get(201) === 1 && counts.get(409) === PARALLEL - 1;
	const fiveXx = statuses.filter((s) => s >= 500).length;
	console.log(
		`(b) ${PARALLEL} parallel bookings of one slot: ${summary}; total ${ms.toFixed(0)} ms; ` +
			`${ok && fiveXx === 0 ? 'as expected (1 × 201, rest 409, no 5xx)' : 'UNEXPECTED'}`
	);
}

async function runOn(label: string, databaseUrl: string): Promise<void> {
	console.log(`\n### ${label}`);
	// First start seeds reference and demo data; then demo hours; then measure on a restarted server.
	let server = await start(databaseUrl);
	await stop(server);
	await ensureAvailability(databaseUrl);
	server = await start(databaseUrl);
	try {
		const office = await pickOffice();
		const slot = office.slots.find((s) => s.format === 'office')!;
		console.log(`office ${office.id}: ${office.slots.length} free slots in 8 weeks; booking ${slot.start}`);
		await parallelBookings(office.id, slot);
		// Warm both paths, then measure the baseline first and the slots second.
		for (let i = 0; i < 20; i++) {
			await (await fetch(`${BASE}/healthz`)).arrayBuffer();
			await (await fetch(BASE + office.path)).arrayBuffer();
		}
		const health = await rps(`${BASE}/healthz`, SECONDS, CONCURRENCY);
		const slots = await rps(BASE + office.path, SECONDS, CONCURRENCY);
		console.log(
			`(c) GET /healthz ${health.rps.toFixed(0)} req/s, GET …/slots (8 weeks) ${slots.rps.toFixed(0)} req/s ` +
				`(${SECONDS} s each, concurrency ${CONCURRENCY}${health.errors + slots.errors ? `, ${health.errors + slots.errors} errors` : ''})`
		);
		const ratio = slots.rps / health.rps;
		console.log(
			`ratio     slots/healthz ${ratio.toFixed(2)}; goal ≥ 0.5: ${ratio >= 0.5 ? 'met' : 'MISSED'}`
		);
	} finally {
		await stop(server);
	}
}

export async function bookingHttp(): Promise<void> {
	if (!existsSync('build/handler.js')) {
		console.log('building first …');
		spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	}
	const dir = mkdtempSync(join(tmpdir(), 'kl-bench-http-'));
	try {
		await runOn('SQLite (fresh file, demo data)', `sqlite:${join(dir, 'bench.db')}`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	const pg = process.env.BENCH_DATABASE_URL;
	if (pg) await runOn('PostgreSQL (BENCH_DATABASE_URL, demo data)', pg);
	else console.log('\n(PostgreSQL skipped: set BENCH_DATABASE_URL to run it there too)');
}
