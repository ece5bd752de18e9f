import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { createDb } from '../src/lib/server/db/client';
import type { Db } from '../src/lib/server/db/transaction';
import { createSession } from '../src/lib/server/identity/sessions';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { isPostgres } from '../src/lib/server/db/migrations/dialect';
import { systemClock } from '../src/lib/server/platform/clock';
import { loadConfig } from '../src/lib/server/platform/config';
import { parseDatabaseUrl } from '../src/lib/server/platform/database-url';
import { runRetention } from '../src/lib/server/privacy/retention';
import { rebuildPeopleAggregates } from '../src/lib/server/statistics/people-aggregates';
import { DAY } from '../src/lib/time/durations';
import { isSeeded, postgresDatabases, type ScaleDatabases, sqliteDatabases } from './scale-databases';
import { generate, insertAll } from './stats';
import { serverEnv, stop, waitFor } from './http-server';

// Issue 14: every list page on a national-scale database against the same page on demo data,
// whole pages over HTTP against the built server with signed-in sessions, in the same run
// (ratios travel better than milliseconds); then the server's RSS after 1,000 mixed requests.
//
// The national database: the demo installation (offices, staff, demo year) plus, at --scale 1,
// 300k creatives with case files, 1M consultation facts (bench/stats.ts generate), 1M audit
// rows, 200k mails, 20k published profiles and 5k upcoming events. Rows are bulk-inserted into
// the real migrated schema, each shaped as the product writes it (the derived tables — monthly
// counters, yearly people — are computed from the facts as the rebuild does; the monthly case
// counts come from the triggers on case_file, as in the product). The file is kept
// in BENCH_SCALE_DIR (default: $TMPDIR/kl-bench-scale) and reused when present.
//
// On PostgreSQL too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server (`bash scripts/with-pg.sh npm run bench
// -- scale` sets the latter): the same generation into two databases created beside it
// (bench/scale-databases.ts), the same pages timed; the memory run is SQLite's only.
//
// `npm run bench -- scale [--scale 0.1] [--pages statistik]`; BENCH_RUNS (default 5) timed requests
// per page. --pages times only the pages whose label contains the word, and skips the memory run
// (which is about every page) — for iterating on one page. --memory runs only the memory run (on the
// databases a previous run left), BENCH_HEAP_MODES=lean only the one heap mode: for iterating on memory.

// The demo and the national server run side by side, so their requests can alternate.
const PORTS = { demo: 4397, national: 4398 } as const;
const baseOf = (port: number) => `http://127.0.0.1:${port}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MIXED = 1000;
const RSS_GOAL_MB = 150;
// Issue 14's acceptance: every page national ÷ demo ≤ 2.
const RATIO_GOAL = 2;

function scaleArg(): number {
	const i = process.argv.indexOf('--scale');
	const v = i >= 0 ? Number(process.argv[i + 1]) : Number(process.env.BENCH_SCALE ?? 1);
	return Number.isFinite(v) && v > 0 && v <= 1 ? v : 1;
}

function pagesArg(): string | null {
	const i = process.argv.indexOf('--pages');
	return i >= 0 ? (process.argv[i + 1] ?? null) : null;
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)]!;
}

function serve(
	url: string,
	seedDemo: boolean,
	extraNodeArgs: string[] = [],
	heapMode = 'lean',
	port: number = PORTS.demo
): Promise<ChildProcess> {
	const child = spawn(process.execPath, [...extraNodeArgs, 'server.mjs'], {
		env: serverEnv(port, url, {
			SEED_DEMO: seedDemo ? 'true' : 'false',
			API_RATE_LIMIT: '1000000',
			KL_QUIET: '1',
			HEAP_MODE: heapMode
		}),
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const exited = new Promise<never>((_, reject) =>
		child.on('exit', (code) => reject(new Error(`server exited with ${code} before answering`)))
	);
	return Promise.race([waitFor(`${baseOf(port)}/healthz`, Date.now() + 600_000, 50), exited]).then(
		() => child
	);
}

/** A fresh demo installation: the server's first start migrates and seeds it. */
async function ensureDemo(url: string): Promise<void> {
	if (await isSeeded(url)) return;
	console.log(`seeding demo data into ${redacted(url)} …`);
	await stop(await serve(url, true));
}

/** A URL for the log, without a password. */
function redacted(url: string): string {
	return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export async function addNational(db: Db, scale: number): Promise<void> {
	const t0 = Date.now();
	await generate(db, scale);
	// Case files as the caseload shows them: a name, and a next contact for the active ones.
	await sql`update case_file set name = 'Kreative ' || cast(id as text),
		next_contact_due_at = case when status = 'closed' then null else coalesce(last_contact_at, opened_at) + ${8 * 7 * DAY} end
		where name = ''`.execute(db);
	console.log('deriving the yearly people rows from the facts …');
	await rebuildPeopleAggregates(db);

	const now = Date.now();
	const offices = (await db.selectFrom('office').select('id').execute()).map((o) => Number(o.id));
	const staff = await db.selectFrom('staff_user').select(['id', 'email']).execute();
	const random = (() => {
		let x = 14;
		return () => {
			x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
			return x / 2_147_483_648;
		};
	})();
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

	const auditCount = Math.round(1_000_000 * scale);
	console.log(`generating ${auditCount.toLocaleString('en')} audit rows …`);
	const actions = [
		['auth.login', 'staff_user'],
		['booking.confirmed', 'booking'],
		['case.opened', 'case'],
		['mail.requeued', 'outbox'],
		['access.denied', 'route']
	] as const;
	const span = 3 * 365 * DAY;
	for (let done = 0; done < auditCount; done += 50_000) {
		const rows = Array.from({ length: Math.min(50_000, auditCount - done) }, (_, i) => {
			const who = pick(staff);
			const [action, kind] = pick(actions);
			return {
				at: now - span + Math.floor(((done + i) / auditCount) * span),
				actor_kind: 'staff',
				actor_id: Number(who.id),
				actor_label: who.email,
				action,
				subject_kind: kind,
				subject_id: String(done + i),
				office_id: random() < 0.2 ? null : pick(offices),
				request_id: `bench-${done + i}`,
				data: '{}'
			};
		});
		await insertAll(db, 'audit_event', rows, 'audit', 1000, false);
		console.log(
			`  audit: ${Math.min(auditCount, done + 50_000).toLocaleString('en')} / ${auditCount.toLocaleString('en')}`
		);
	}

	const mailCount = Math.round(200_000 * scale);
	console.log(`generating ${mailCount.toLocaleString('en')} mails …`);
	const mails = Array.from({ length: mailCount }, (_, i) => {
		const at = now - span + Math.floor((i / mailCount) * span);
		return {
			created_at: at,
			template: 'booking.confirmed',
			locale: 'de',
			to_address: `c${i % 300_000}@bench.invalid`,
			to_name: `Kreative ${i}`,
			subject: 'Ihr Termin ist bestätigt',
			text_body: 'Guten Tag,\n\nIhr Termin ist bestätigt.\n',
			html_body: '<p>Guten Tag,</p><p>Ihr Termin ist bestätigt.</p>',
			status: 'sent',
			attempts: 1,
			next_attempt_at: at,
			sent_at: at + 1000,
			office_id: pick(offices),
			subject_kind: 'booking',
			subject_id: String(i)
		};
	});
	await insertAll(db, 'outbox', mails, 'mails', 500);

	const profileCount = Math.round(20_000 * scale);
	console.log(`generating ${profileCount.toLocaleString('en')} published profiles …`);
	const creatives = await db
		.selectFrom('creative as c')
		.innerJoin('case_file as f', 'f.creative_id', 'c.id')
		.select(['c.id', 'f.office_id', 'f.land_iso', 'f.submarket'])
		.where('c.email', 'like', '%@bench.invalid')
		.orderBy('c.id')
		.limit(profileCount)
		.execute();
	const words = ['Design', 'Grafik', 'Fotografie', 'Musik', 'Text', 'Illustration', 'Film', 'Games'];
	await insertAll(
		db,
		'profile',
		creatives.map((c, i) => ({
			creative_id: Number(c.id),
			office_id: Number(c.office_id),
			kind: i % 5 === 0 ? 'studio' : 'person',
			display_name: `${pick(words)}studio ${i}`,
			submarkets: JSON.stringify([c.submarket]),
			land_iso: c.land_iso ?? 'DE-BE',
			town: pick(['Berlin', 'Hamburg', 'Köln', 'Leipzig', 'München', 'Kiel']),
			bio: `${pick(words)} und ${pick(words)} für kleine Unternehmen.`,
			services: JSON.stringify([pick(words)]),
			links: '[]',
			contact_preference: 'form',
			status: 'published',
			publish_consent_version: 1,
			publish_consented_at: now - 30 * DAY,
			submitted_at: now - 30 * DAY,
			approved_at: now - 29 * DAY,
			first_approved_at: now - 29 * DAY,
			created_at: now - 30 * DAY,
			updated_at: now - 29 * DAY
		})),
		'profiles',
		500
	);

	const eventCount = Math.round(5_000 * scale);
	console.log(`generating ${eventCount.toLocaleString('en')} upcoming events …`);
	await insertAll(
		db,
		'event',
		Array.from({ length: eventCount }, (_, i) => {
			const at = now + (1 + Math.floor(random() * 180)) * DAY;
			return {
				office_id: random() < 0.05 ? null : pick(offices),
				type: pick(['info', 'workshop', 'network', 'webinar']),
				title: `${pick(words)}-Werkstatt ${i}`,
				format: pick(['onsite', 'online', 'hybrid']),
				venue_name: 'Kulturhaus',
				venue_address: 'Hauptstraße 1',
				start_at: at,
				end_at: at + 7_200_000,
				capacity: 30,
				contact_name: 'Bench',
				contact_email: 'bench@bench.invalid',
				status: 'published',
				published_at: now - DAY,
				created_at: now - DAY,
				updated_at: now - DAY
			};
		}),
		'events',
		500
	);
	console.log('analyzing …');
	// PostgreSQL as after autovacuum (visibility map for index-only scans); both: planner statistics.
	if (isPostgres(db)) await sql`vacuum analyze`.execute(db);
	else await sql`analyze`.execute(db);
	console.log(`national data generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

async function ensureNational(dbs: ScaleDatabases, scale: number): Promise<void> {
	if (await dbs.nationalDone()) return;
	await ensureDemo(dbs.national);
	const d = createDb(parseDatabaseUrl(dbs.national));
	try {
		await addNational(d.db, scale);
	} finally {
		await d.close();
	}
	await dbs.markNationalDone();
}

/**
 * A live network's database has been through the hourly retention run; the generated one has
 * not (its old registrations, mails and people without data are all due at once). Run it once
 * here, with progress, so its first run is not timed as page latency. A no-op when nothing is due.
 */
async function applyRetention(url: string): Promise<void> {
	const d = createDb(parseDatabaseUrl(url));
	try {
		await migrateToLatest(d.db);
		const t0 = Date.now();
		const report = await runRetention(
			{
				db: d.db,
				clock: systemClock,
				config: loadConfig({ ...process.env, DATABASE_URL: url })
			},
			{
				onBatch: (key, n) => {
					if (n % 20_000 === 0) console.log(`  retention … ${key}: ${n.toLocaleString('en')}`);
				}
			}
		);
		const total = report.lines.reduce((sum, l) => sum + l.count, 0);
		console.log(
			`retention run: ${total.toLocaleString('en')} rows deleted or anonymised in ${((Date.now() - t0) / 1000).toFixed(1)} s`
		);
	} finally {
		await d.close();
	}
}

interface Target {
	label: string;
	path: string;
	as: 'lead' | 'admin' | null;
}

/** Full sessions (as after the second factor) for the network admin and the busiest office's lead. */
async function signIn(
	url: string
): Promise<{ cookies: Record<'lead' | 'admin', string>; officeKey: string }> {
	const d = createDb(parseDatabaseUrl(url));
	try {
		const db = d.db;
		const admin = await db
			.selectFrom('staff_user')
			.select('id')
			.where('is_network_admin', '=', 1)
			.where('disabled_at', 'is', null)
			.orderBy('id')
			.executeTakeFirstOrThrow();
		const lead = await db
			.selectFrom('staff_membership as m')
			.innerJoin('office as o', 'o.id', 'm.office_id')
			.select(['m.user_id', 'o.key'])
			.where('m.role', '=', 'office_lead')
			.orderBy(
				(eb) =>
					eb
						.selectFrom('case_file as c')
						.select(sql<number>`count(*)`.as('n'))
						.whereRef('c.office_id', '=', 'm.office_id'),
				'desc'
			)
			.orderBy('o.key')
			.executeTakeFirstOrThrow();
		const policy = { idleMinutes: 60, absoluteHours: 8 };
		const session = (id: number) =>
			createSession(
				db,
				{
					subjectKind: 'staff',
					subjectId: id,
					stage: 'full',
					clientAddress: '127.0.0.1',
					userAgent: 'bench'
				},
				policy,
				new Date()
			);
		const [a, l] = [await session(Number(admin.id)), await session(Number(lead.user_id))];
		return {
			cookies: { admin: `kl_session=${a.token}`, lead: `kl_session=${l.token}` },
			officeKey: lead.key
		};
	} finally {
		await d.close();
	}
}

function targets(officeKey: string): Target[] {
	return [
		{ label: 'caseload (office lead)', path: `/intern/buero/${officeKey}/begleitungen`, as: 'lead' },
		{ label: '/intern/admin/protokoll', path: '/intern/admin/protokoll', as: 'admin' },
		{ label: 'Postausgang', path: '/intern/postausgang', as: 'admin' },
		{ label: 'staff users', path: '/intern/admin/benutzer', as: 'admin' },
		{ label: '/statistik network 2025', path: '/statistik?zeitraum=jahr&jahr=2025', as: 'admin' },
		{ label: '/kreative', path: '/kreative', as: null },
		{ label: '/kreative?q=design', path: '/kreative?q=design', as: null },
		{ label: '/veranstaltungen', path: '/veranstaltungen', as: null },
		{ label: '/api/v1/profiles', path: '/api/v1/profiles', as: null }
	];
}

async function get(path: string, cookie: string | null, port: number = PORTS.demo): Promise<number> {
	const r = await fetch(baseOf(port) + path, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
	await r.arrayBuffer();
	if (r.status !== 200)
		throw new Error(
			`${path}: ${r.status}${r.headers.get('location') ? ` → ${r.headers.get('location')}` : ''}`
		);
	return r.status;
}

type Side = 'demo' | 'national';

/**
 * Median whole-page time of each page on both databases. The two servers run at once and every
 * round times one demo and one national request, in alternating order: a change in the machine's
 * load (these machines are shared) then falls on both sides alike instead of on one half of the
 * run, which timing all demo pages first and all national pages after let happen.
 */
async function timePages(urls: Record<Side, string>): Promise<Map<string, Record<Side, number>>> {
	const sides = ['demo', 'national'] as const;
	const sessions = { demo: await signIn(urls.demo), national: await signIn(urls.national) };
	const servers: ChildProcess[] = [];
	const out = new Map<string, Record<Side, number>>();
	try {
		for (const side of sides) servers.push(await serve(urls[side], false, [], 'lean', PORTS[side]));
		const only = pagesArg();
		const pages = (side: Side) => targets(sessions[side].officeKey);
		for (const [i, t] of pages('demo').entries()) {
			if (only !== null && !t.label.includes(only)) continue;
			const request = (side: Side) => {
				const target = pages(side)[i]!;
				return get(target.path, target.as ? sessions[side].cookies[target.as] : null, PORTS[side]);
			};
			try {
				for (const side of sides) await request(side); // warm-up (caches, prepared statements)
				const ms: Record<Side, number[]> = { demo: [], national: [] };
				for (let run = 0; run < RUNS; run++)
					for (const side of run % 2 === 0 ? sides : [...sides].reverse()) {
						const t0 = performance.now();
						await request(side);
						ms[side].push(performance.now() - t0);
					}
				out.set(t.label, { demo: median(ms.demo), national: median(ms.national) });
			} catch (err) {
				console.log(`  ${t.label}: ${(err as Error).message}`);
				out.set(t.label, { demo: Number.NaN, national: Number.NaN });
			}
		}
	} finally {
		for (const server of servers) await stop(server);
	}
	return out;
}

interface Rss {
	total: number;
	/** The heap, native allocations and SQLite's page cache. */
	anon: number;
	/** Mapped files: code, and SQLite's shared WAL index (-shm). */
	file: number;
}

function rssMb(pid: number): Rss {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const mb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
	return { total: mb('VmRSS'), anon: mb('RssAnon'), file: mb('RssFile') + mb('RssShmem') };
}

const rssText = (r: Rss) =>
	`${r.total.toFixed(0)} MB (anonymous ${r.anon.toFixed(0)}, files and shared ${r.file.toFixed(0)})`;

/**
 * Where the anonymous part goes: V8's heap (used of total) and the memory V8 counts as external
 * (Buffers), from the server's own /metrics (open to loopback), read after the RSS.
 */
async function heapMb(base: string): Promise<string> {
	const text = await (await fetch(`${base}/metrics`)).text();
	const mb = (name: string) =>
		(Number(new RegExp(`^kreativlotse_${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0) / 2 ** 20).toFixed(0);
	return `V8 heap ${mb('nodejs_heap_size_used_bytes')} of ${mb('nodejs_heap_size_total_bytes')}, external ${mb('nodejs_external_memory_bytes')}`;
}

/** RSS of the server after MIXED requests over every page (4 at a time), and how long they took. */
async function memory(
	url: string,
	nodeArgs: string[],
	heapMode: string
): Promise<{ rss: Rss; heap: string; ms: number }> {
	const { cookies, officeKey } = await signIn(url);
	const server = await serve(url, false, nodeArgs, heapMode);
	try {
		const list = targets(officeKey);
		let next = 0;
		const worker = async () => {
			for (;;) {
				const i = next++;
				if (i >= MIXED) return;
				const t = list[i % list.length]!;
				const page = Math.floor(i / list.length) % 5;
				const path = page > 0 && !t.path.includes('?') && t.as ? `${t.path}?page=${page + 1}` : t.path;
				await get(path, t.as ? cookies[t.as] : null).catch(() => 0);
			}
		};
		const t0 = performance.now();
		await Promise.all(Array.from({ length: 4 }, worker));
		const ms = performance.now() - t0;
		return { rss: rssMb(server.pid!), heap: await heapMb(baseOf(PORTS.demo)), ms };
	} finally {
		await stop(server);
	}
}

/**
 * RSS after the mixed requests on both databases, in both heap modes of server.mjs: `lean` (the
 * default) against V8's own `fast`, so the memory goal and what it costs in time are read off the
 * same run.
 */
async function memoryReport(demo: string, national: string): Promise<void> {
	const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
	const flags = nodeArgs.length ? ` (node ${nodeArgs.join(' ')})` : '';
	console.log(`\nRSS after ${MIXED} mixed requests${flags}, and their time (4 at a time):`);
	const fast = new Map<string, number>();
	const modes = (process.env.BENCH_HEAP_MODES ?? 'fast lean').split(' ').filter(Boolean);
	for (const mode of modes) {
		for (const [label, url] of [
			['demo data', demo],
			['national data', national]
		] as const) {
			const { rss, heap, ms } = await memory(url, nodeArgs, mode);
			const goal = rss.total <= RSS_GOAL_MB ? 'met' : 'MISSED';
			const cost = fast.has(label) ? `; time ÷ fast ${(ms / fast.get(label)!).toFixed(2)}` : '';
			if (mode === 'fast') fast.set(label, ms);
			console.log(
				`  HEAP_MODE=${mode} ${label.padEnd(14)} ${rssText(rss)} [${heap}], ${(ms / 1000).toFixed(1)} s${cost}; goal ≤ ${RSS_GOAL_MB} MB: ${goal}`
			);
		}
	}
}

export async function scale(): Promise<void> {
	const factor = scaleArg();
	if (!existsSync('build/handler.js')) {
		console.log('building first …');
		spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
	}
	const sqlite = sqliteDatabases(factor);
	if (process.argv.includes('--memory')) return memoryReport(sqlite.demo, sqlite.national);
	await timeEngine(sqlite, factor);
	if (pagesArg() === null) await memoryReport(sqlite.demo, sqlite.national);
	const postgres = await postgresDatabases(factor);
	if (postgres) await timeEngine(postgres, factor);
	else console.log('\n(PostgreSQL skipped: set BENCH_DATABASE_URL, or run under scripts/with-pg.sh)');
}

/** Generates (or reuses) both databases of one engine and prints each page's national ÷ demo. */
async function timeEngine(dbs: ScaleDatabases, factor: number): Promise<void> {
	console.log(
		`\n### ${dbs.label}: scale ${factor}; ${redacted(dbs.demo)} and ${redacted(dbs.national)} (reused when present)`
	);
	await ensureDemo(dbs.demo);
	await ensureNational(dbs, factor);
	await applyRetention(dbs.demo);
	await applyRetention(dbs.national);

	console.log(
		`\ntiming each page: median of ${RUNS} whole-page requests on each database, demo and national alternating, after one warm-up`
	);
	const times = await timePages({ demo: dbs.demo, national: dbs.national });
	console.log(
		`\n${`page (${dbs.label})`.padEnd(28)} ${'demo ms'.padStart(9)} ${'national'.padStart(9)} ${'ratio'.padStart(7)}`
	);
	for (const [label, { demo: d, national: n }] of times) {
		const ratio = n / d;
		const goal = `  goal ≤ ${RATIO_GOAL}×: ${ratio <= RATIO_GOAL ? 'met' : 'MISSED'}`;
		console.log(
			`${label.padEnd(28)} ${d.toFixed(1).padStart(9)} ${n.toFixed(1).padStart(9)} ${ratio.toFixed(2).padStart(7)}${goal}`
		);
	}
}
