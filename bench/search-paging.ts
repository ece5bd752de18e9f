import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../src/lib/server/db/client';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import type { Db } from '../src/lib/server/db/transaction';
import { publicEventsPage } from '../src/lib/server/events/queries';
import { seedReferenceData } from '../src/lib/server/reference/seed';
import { insertPublishedProfiles } from '../src/lib/server/visibility/bulk-profiles';
import { apiProfiles, searchProfiles } from '../src/lib/server/visibility/public';
import { HOUR } from '../src/lib/time/durations';

// Issue 14: the public lists at scale. Times what /kreative, /kreative?q=design, /veranstaltungen
// and /api/v1/profiles read (their load/handler queries: searchProfiles, publicEventsPage,
// apiProfiles; median of BENCH_RUNS) on a demo-sized network (60 profiles, 30 events) and on a
// large one (20,000 profiles, 5,000 events), and prints large/small ratios: with filters, search
// and paging in SQL a page should cost about the same at both sizes. Both datasets are written by
// the documented bulk path (visibility/bulk-profiles.ts; events as rows like a published event),
// so the search tables fill through their triggers, as for any write. SQLite on a fresh file.
// Smaller runs: BENCH_SCALE=0.1.

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const NOW = new Date('2026-06-15T08:00:00Z');

const WORDS = [
	'Design',
	'Fotografie',
	'Illustration',
	'Musik',
	'Film',
	'Games',
	'Architektur',
	'Text',
	'Mode'
];
const TOWNS = ['Berlin', 'Köln', 'München', 'Leipzig', 'Hamburg', 'Würzburg', 'Görlitz'];
const NAMES = ['Müller', 'Schmidt', 'Özdemir', 'Weiß', 'Nguyen', 'Fischer', 'Jäger', 'Kowalski'];

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)]!;
}

async function generate(db: Db, profiles: number, events: number): Promise<void> {
	const t = NOW.getTime();
	const rows = Array.from({ length: profiles }, (_, i) => ({
		name: `${['Studio', 'Atelier', 'Büro', ''][i % 4]} ${NAMES[i % NAMES.length]} ${i}`.trim(),
		town: TOWNS[i % TOWNS.length]!,
		bio: `${WORDS[i % WORDS.length]} und ${WORDS[(i * 7) % WORDS.length]} für Kultur und Wirtschaft.`,
		services: [WORDS[(i * 3) % WORDS.length]!, 'Beratung'],
		submarkets: ['design']
	}));
	for (let i = 0; i < rows.length; i += 2000)
		await insertPublishedProfiles(db, rows.slice(i, i + 2000), t - (rows.length - i) * 1000, `b${i}`);
	for (let i = 0; i < events; i += 500) {
		await db
			.insertInto('event')
			.values(
				Array.from({ length: Math.min(500, events - i) }, (_, j) => {
					const n = i + j;
					// Half in the past (the upcoming list must not read them), half ahead.
					const start = t + (n % 2 === 0 ? -1 : 1) * (n + 1) * 6 * HOUR;
					return {
						office_id: null,
						type: 'workshop' as const,
						title: `${WORDS[n % WORDS.length]}-Werkstatt ${n}`,
						description: `Ein Abend über ${WORDS[(n * 5) % WORDS.length]} in ${TOWNS[n % TOWNS.length]}.`,
						format: 'onsite' as const,
						venue_name: 'Kulturhaus',
						venue_address: TOWNS[n % TOWNS.length]!,
						venue_land: 'DE-BE',
						accessibility: null,
						online_url: null,
						start_at: start,
						end_at: start + 2 * HOUR,
						capacity: 20,
						registration_opens_at: null,
						registration_closes_at: null,
						contact_name: 'Eva',
						contact_email: 'eva@example.org',
						materials_url: null,
						status: 'published' as const,
						published_at: t,
						cancelled_at: null,
						cancel_reason: null,
						finished_at: null,
						followup_sent_at: null,
						created_by: null,
						created_at: t,
						updated_at: t
					};
				})
			)
			.execute();
	}
}

const pages: Record<string, (db: Db) => Promise<unknown>> = {
	'/kreative': (db) => searchProfiles(db, {}, NOW, 1),
	'/kreative?page=40': (db) => searchProfiles(db, {}, NOW, 40),
	'/kreative?q=design': (db) => searchProfiles(db, { q: 'design' }, NOW, 1),
	'/kreative?q=müll': (db) => searchProfiles(db, { q: 'müll' }, NOW, 1),
	'/veranstaltungen': (db) => publicEventsPage(db, {}, NOW),
	'/veranstaltungen?q=fotografie': (db) => publicEventsPage(db, { q: 'fotografie' }, NOW),
	'/api/v1/profiles': (db) => apiProfiles(db, 'https://kl.example', NOW, { limit: 50, after: null })
};

async function measure(profiles: number, events: number): Promise<Record<string, number>> {
	const dir = mkdtempSync(join(tmpdir(), 'kl-bench-search-'));
	const d = createDb({ kind: 'sqlite', path: join(dir, 'bench.db') });
	try {
		await migrateToLatest(d.db);
		await seedReferenceData(d.db, NOW);
		const t0 = Date.now();
		await generate(d.db, profiles, events);
		console.log(`  ${profiles} profiles, ${events} events generated in ${Date.now() - t0} ms`);
		const out: Record<string, number> = {};
		for (const [name, run] of Object.entries(pages)) {
			await run(d.db);
			const times: number[] = [];
			for (let i = 0; i < RUNS; i++) {
				const s = performance.now();
				await run(d.db);
				times.push(performance.now() - s);
			}
			out[name] = median(times);
		}
		return out;
	} finally {
		await d.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

export async function searchPaging(): Promise<void> {
	const small = await measure(60, 30);
	const large = await measure(Math.round(20_000 * SCALE), Math.round(5_000 * SCALE));
	console.log('  page                          demo-size ms   large ms   ratio');
	for (const name of Object.keys(pages))
		console.log(
			`  ${name.padEnd(30)}${small[name]!.toFixed(2).padStart(10)}${large[name]!.toFixed(2).padStart(11)}${(large[name]! / small[name]!).toFixed(1).padStart(8)}×`
		);
}
