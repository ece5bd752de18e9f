import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { mintScope } from '../src/lib/server/access/scope';
import { CLOSE_REASONS } from '../src/lib/server/cases/case-schemas';
import { createDb } from '../src/lib/server/db/client';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import type { Db } from '../src/lib/server/db/transaction';
import { transact } from '../src/lib/server/db/transaction';
import { parseDatabaseUrl } from '../src/lib/server/platform/database-url';
import { REFERRAL_STATUSES } from '../src/lib/server/referrals/rules';
import { seedReferenceData } from '../src/lib/server/reference/seed';
import { type ConsultationFact, dayKeys, summaryKeys } from '../src/lib/server/statistics/consultation-rules';
import { personPseudonym } from '../src/lib/server/statistics/facts';
import { rebuildPeopleAggregates } from '../src/lib/server/statistics/people-aggregates';
import { recountMonthly } from '../src/lib/server/statistics/rebuild';
import { yearPeriod } from '../src/lib/server/statistics/period-rules';
import { statisticsFigures } from '../src/lib/server/statistics/queries';
import { DAY } from '../src/lib/time/durations';

// Issue 6, item 5: the statistics dashboard at national scale. Generates 1,000,000 consultation
// facts, 300,000 creatives (each with a case file), referrals and 200,000 event registrations over
// five years (2021–2025), then times the dashboard's figures for one year × all offices (median of
// BENCH_RUNS runs) against a baseline from the same run: one indexed count of that year's facts.
// SQLite on a fresh file; PostgreSQL too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set.
// Smaller runs: BENCH_SCALE=0.1.

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const GOAL_MS = 300;

function prng(seed: number): () => number {
	let x = seed;
	return () => {
		x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
		return x / 2_147_483_648;
	};
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)]!;
}

/** The smallest id among the rows of `table` where `column op value` (the rows the bench added). */
async function firstId(
	db: Db,
	table: 'creative' | 'case_file' | 'event',
	column: string,
	op: '=' | '>' | 'like',
	value: string | number
): Promise<number> {
	const row = await db
		.selectFrom(table)
		.select(sql<number>`min(id)`.as('m'))
		.where(sql.ref(column), op, value)
		.executeTakeFirstOrThrow();
	return Number(row.m);
}

/** Multi-row inserts in chunks, one transaction per chunk group, with progress. */
export async function insertAll(
	db: Db,
	table: string,
	rows: Record<string, unknown>[],
	label: string,
	chunk: number,
	report = true
): Promise<void> {
	const group = chunk * 50;
	for (let i = 0; i < rows.length; i += group) {
		await transact(db, async (trx) => {
			for (let j = i; j < Math.min(rows.length, i + group); j += chunk)
				await trx
					.insertInto(table as never)
					.values(rows.slice(j, j + chunk) as never)
					.execute();
		});
		const done = Math.min(rows.length, i + group);
		if (report && (done === rows.length || Math.floor(done / 100_000) !== Math.floor(i / 100_000)))
			console.log(`  ${label}: ${done.toLocaleString('en')} / ${rows.length.toLocaleString('en')}`);
	}
}

/** How many rows the national dataset holds at `scale`. */
function sizes(scale: number) {
	return {
		CONSULTATIONS: Math.round(1_000_000 * scale),
		CREATIVES: Math.round(300_000 * scale),
		REGISTRATIONS: Math.round(200_000 * scale)
	};
}

/** The national dataset; `scale` shrinks it (the scale bench passes its own --scale). */
export async function generate(db: Db, scale = SCALE): Promise<void> {
	const { CONSULTATIONS, CREATIVES, REGISTRATIONS } = sizes(scale);
	const random = prng(2026);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
	const t0 = Date.now();
	const offices = await db
		.selectFrom('office as o')
		.innerJoin('office_land as l', 'l.office_id', 'o.id')
		.select(['o.id', 'l.land_iso'])
		.execute();
	const officeIds = [...new Set(offices.map((o) => Number(o.id)))];
	const landsOf = new Map(
		officeIds.map((id) => [id, offices.filter((o) => Number(o.id) === id).map((o) => o.land_iso)])
	);
	const submarkets = (await db.selectFrom('submarket').select('key').execute()).map((r) => r.key);
	const topics = (await db.selectFrom('topic').select('key').execute()).map((r) => r.key);
	const stages = (await db.selectFrom('stage').select('key').execute()).map((r) => r.key);
	const now = Date.UTC(2026, 2, 1);
	const start = Date.UTC(2021, 0, 1);
	const span = Date.UTC(2026, 0, 1) - start;

	const consultants = new Map<number, number>();
	for (const officeId of officeIds) {
		const { id } = await db
			.insertInto('staff_user')
			.values({
				email: `bench-${officeId}@bench.invalid`,
				name: 'Bench',
				is_network_admin: 0,
				locale: 'de',
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		consultants.set(officeId, Number(id));
	}
	const org = await db
		.insertInto('cp_organization')
		.values({ key: 'bench', name: 'Bench', created_at: now, updated_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	const kinds = ['beratung', 'foerderung', 'versicherung', 'netzwerk', 'portal', 'verband'] as const;
	const serviceIds: number[] = [];
	for (const kind of kinds) {
		const r = await db
			.insertInto('cp_service')
			.values({ organization_id: org.id, name: kind, kind })
			.returning('id')
			.executeTakeFirstOrThrow();
		serviceIds.push(Number(r.id));
	}

	console.log(`generating ${CREATIVES.toLocaleString('en')} creatives with case files …`);
	const creatives = Array.from({ length: CREATIVES }, (_, i) => ({
		email: `c${i}@bench.invalid`,
		email_verified_at: now,
		created_at: now,
		updated_at: now,
		deleted_at: null,
		merged_into_id: null
	}));
	await insertAll(db, 'creative', creatives, 'creatives', 1000);
	// min over the bench's own rows: the scale bench adds them to a demo installation.
	const firstCreative = await firstId(db, 'creative', 'email', 'like', '%@bench.invalid');

	// Who: each creative's office, Land, sub-market, stage and first day.
	const people = Array.from({ length: CREATIVES }, (_, i) => {
		const officeId = pick(officeIds);
		return {
			creativeId: firstCreative + i,
			officeId,
			land: pick(landsOf.get(officeId)!),
			submarket: pick(submarkets),
			stage: pick(stages),
			first: start + Math.floor(random() * span)
		};
	});
	const cases = people.map((p) => {
		const status = pick(['open', 'open', 'paused', 'closed', 'closed'] as const);
		return {
			office_id: p.officeId,
			creative_id: p.creativeId,
			consultant_id: consultants.get(p.officeId)!,
			name: '',
			status,
			land_iso: p.land,
			submarket: p.submarket,
			stage: p.stage,
			topics: '[]',
			opened_at: p.first,
			last_contact_at: p.first + Math.floor(random() * 120) * DAY,
			closed_at: status === 'closed' ? p.first + Math.floor(random() * 200) * DAY : null,
			close_reason: status === 'closed' ? pick(CLOSE_REASONS) : null,
			created_at: now,
			updated_at: now
		};
	});
	// The scale bench generates on top of the demo installation: new rows follow the existing ones.
	const maxOf = async (table: 'case_file' | 'stat_consultation', column: 'id' | 'source_id') =>
		Number(
			(
				await db
					.selectFrom(table)
					.select(sql<number>`coalesce(max(${sql.ref(column)}), 0)`.as('m'))
					.executeTakeFirstOrThrow()
			).m
		);
	const casesBefore = await maxOf('case_file', 'id');
	await insertAll(db, 'case_file', cases, 'case files', 500);
	const firstCase = await firstId(db, 'case_file', 'id', '>', casesBefore);
	const sourceIdBase = await maxOf('stat_consultation', 'source_id');
	const hadCounters =
		(await db.selectFrom('stat_consultation_month').select('n').limit(1).executeTakeFirst()) != null;

	console.log(
		`generating ${CONSULTATIONS.toLocaleString('en')} consultation facts and their monthly counters …`
	);
	const secret = 'bench-secret';
	const facts: Record<string, unknown>[] = [];
	const counters = new Map<string, number>();
	let p = 0;
	for (let i = 0; i < CONSULTATIONS; i++) {
		// Every creative gets one first consultation; the rest are follow-ups of random people.
		const person = i < CREATIVES ? people[i]! : people[Math.floor(random() * CREATIVES)]!;
		const at = i < CREATIVES ? person.first : person.first + Math.floor(1 + random() * 365) * DAY;
		const day = new Date(at + 3_600_000).toISOString().slice(0, 10);
		const fact: ConsultationFact = {
			source: 'booking',
			sourceId: sourceIdBase + i + 1,
			officeId: person.officeId,
			...dayKeys(day),
			land: person.land,
			submarket: person.submarket,
			stage: person.stage,
			format: pick(['office', 'phone', 'video', 'sprechtag']),
			kind: i < CREATIVES ? 'first' : 'follow_up',
			topics: [...new Set([pick(topics), pick(topics)])].sort()
		};
		facts.push({
			source: fact.source,
			source_id: fact.sourceId,
			office_id: fact.officeId,
			day: fact.day,
			day_no: fact.dayNo,
			month: fact.month,
			land_iso: fact.land,
			submarket: fact.submarket,
			stage: fact.stage,
			format: fact.format,
			kind: fact.kind,
			topics: JSON.stringify(fact.topics),
			person: personPseudonym(secret, `creative:${person.creativeId}`),
			created_at: now
		});
		for (const k of summaryKeys(fact)) {
			const key = [fact.month, fact.officeId, fact.land, k.dim, k.key].join('\u0000');
			counters.set(key, (counters.get(key) ?? 0) + 1);
		}
		if (facts.length === 50_000 || i === CONSULTATIONS - 1) {
			await insertAll(db, 'stat_consultation', facts, 'facts', 1000, false);
			p += facts.length;
			facts.length = 0;
			if (p % 100_000 === 0 || p === CONSULTATIONS)
				console.log(`  facts: ${p.toLocaleString('en')} / ${CONSULTATIONS.toLocaleString('en')}`);
		}
	}
	const counterRows = [...counters].map(([key, n]) => {
		const [month, office, land, dim, k] = key.split('\u0000') as [string, string, string, string, string];
		return { month, office_id: Number(office), land_iso: land, dim, key: k, n };
	});
	if (hadCounters) {
		// Counters of the existing facts are there already: count every month again from all facts.
		console.log('recounting the monthly counters from all facts …');
		await recountMonthly(db, (line) => console.log(`  ${line}`));
	} else await insertAll(db, 'stat_consultation_month', counterRows, 'monthly counters', 1000);

	const referrals: Record<string, unknown>[] = [];
	for (let i = 0; i < CREATIVES; i += 2) {
		const created = people[i]!.first + Math.floor(random() * 30) * DAY;
		referrals.push({
			case_id: firstCase + i,
			record_id: null,
			service_id: pick(serviceIds),
			status: pick(REFERRAL_STATUSES),
			followup_due_at: created + 21 * DAY,
			created_at: created,
			updated_at: created
		});
	}
	console.log(`generating ${referrals.length.toLocaleString('en')} referrals …`);
	await insertAll(db, 'referral', referrals, 'referrals', 1000);

	const perEvent = 25;
	const eventCount = Math.ceil(REGISTRATIONS / perEvent);
	console.log(
		`generating ${eventCount.toLocaleString('en')} events with ${REGISTRATIONS.toLocaleString('en')} registrations …`
	);
	const events = Array.from({ length: eventCount }, () => {
		const officeId = random() < 0.05 ? null : pick(officeIds);
		const at = start + Math.floor(random() * span);
		return {
			office_id: officeId,
			type: 'workshop',
			title: 'Workshop',
			format: 'onsite',
			venue_land: officeId === null ? null : pick(landsOf.get(officeId)!),
			start_at: at,
			end_at: at + 7_200_000,
			contact_name: 'Bench',
			contact_email: 'bench@bench.invalid',
			status: pick(['finished', 'finished', 'finished', 'published', 'cancelled']),
			created_at: now,
			updated_at: now
		};
	});
	await insertAll(db, 'event', events, 'events', 500);
	const firstEvent = await firstId(db, 'event', 'contact_email', '=', 'bench@bench.invalid');
	const regs = Array.from({ length: REGISTRATIONS }, (_, i) => {
		const status = pick(['confirmed', 'confirmed', 'confirmed', 'cancelled', 'waitlisted']);
		return {
			event_id: firstEvent + Math.floor(i / perEvent),
			status,
			attendance: status === 'confirmed' ? pick(['attended', 'attended', 'attended', 'no_show', null]) : null,
			name: '',
			email: `r${i}@bench.invalid`,
			consent_processing_version: 1,
			consented_at: now,
			created_at: now,
			updated_at: now
		};
	});
	await insertAll(db, 'event_registration', regs, 'registrations', 1000);
	console.log(`generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

async function measure(
	label: string,
	url: string
): Promise<{ label: string; dashboard: number; baseline: number }> {
	console.log(`\n### ${label}`);
	const d = createDb(parseDatabaseUrl(url), { poolSize: 4 });
	try {
		await migrateToLatest(d.db);
		await seedReferenceData(d.db, new Date('2026-01-01T00:00:00Z'));
		await generate(d.db);
		// The whole-year people figures read these, as the product keeps them with each fact.
		// (The monthly case counts need no step: the triggers on case_file kept them as it was filled.)
		console.log('deriving the yearly people rows from the facts …');
		await rebuildPeopleAggregates(d.db);
		// Steady state: autovacuum has run (visibility map for index-only scans, planner statistics).
		if (d.dialect === 'postgres') await sql`vacuum analyze`.execute(d.db);
		const scope = mintScope(true, []);
		const filter = { period: yearPeriod(2025), officeId: null, land: null };
		const now = Date.UTC(2026, 2, 1);
		const figures = await statisticsFigures(d.db, scope, filter, now); // warm-up
		console.log(
			`2025, all offices: ${figures!.consultations.total.toLocaleString('en')} consultations, ${figures!.creatives.distinct.toLocaleString('en')} people, ` +
				`${figures!.cases.opened.toLocaleString('en')} cases, ${figures!.referrals.total.toLocaleString('en')} referrals, ${figures!.events.registrations.toLocaleString('en')} registrations`
		);
		const dash: number[] = [];
		const base: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			let t = performance.now();
			await d.db
				.selectFrom('stat_consultation')
				.select(sql<number>`count(*)`.as('n'))
				.where('month', '>=', '2025-01')
				.where('month', '<=', '2025-12')
				.executeTakeFirst();
			base.push(performance.now() - t);
			t = performance.now();
			await statisticsFigures(d.db, scope, filter, now);
			dash.push(performance.now() - t);
		}
		const result = { label, dashboard: median(dash), baseline: median(base) };
		console.log(
			`dashboard (1 year, all offices): median ${result.dashboard.toFixed(1)} ms of ${RUNS} runs [${dash.map((x) => x.toFixed(0)).join(', ')}]`
		);
		console.log(`baseline (count of the year's facts): median ${result.baseline.toFixed(1)} ms`);
		console.log(
			`ratio dashboard/baseline ${(result.dashboard / result.baseline).toFixed(1)}; goal ≤ ${GOAL_MS} ms: ${result.dashboard <= GOAL_MS ? 'met' : 'MISSED'}`
		);
		return result;
	} finally {
		await d.close();
	}
}

export async function stats(): Promise<void> {
	const { CONSULTATIONS, CREATIVES, REGISTRATIONS } = sizes(SCALE);
	console.log(
		`scale ${SCALE}: ${CONSULTATIONS.toLocaleString('en')} consultations, ${CREATIVES.toLocaleString('en')} creatives, ${REGISTRATIONS.toLocaleString('en')} registrations, 2021–2025`
	);
	const results = [];
	const dir = mkdtempSync(join(tmpdir(), 'kl-bench-stats-'));
	try {
		results.push(await measure('SQLite', `sqlite:${join(dir, 'stats.db')}`));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	const pg = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
	if (pg) results.push(await measure('PostgreSQL', pg));
	else console.log('\n(PostgreSQL skipped: set BENCH_DATABASE_URL, or run under scripts/with-pg.sh)');
	console.log('\n### summary');
	for (const r of results)
		console.log(
			`${r.label.padEnd(10)} dashboard ${r.dashboard.toFixed(1).padStart(7)} ms  baseline ${r.baseline.toFixed(1).padStart(6)} ms  ratio ${(r.dashboard / r.baseline).toFixed(1).padStart(5)}  goal ≤ ${GOAL_MS} ms ${r.dashboard <= GOAL_MS ? 'met' : 'MISSED'}`
		);
}
