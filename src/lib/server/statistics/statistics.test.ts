import { parse as parseCsv } from 'csv-parse/sync';
import readXlsx from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import { mintScope } from '../access/scope';
import { bookingFixture } from '../../../../tests/support/booking-fixtures';
import { markAttendance } from '../booking/staff-commands';
import { confirmedBooking, consultant, officeScope } from '../../../../tests/support/case-fixtures';
import { type RecordInput, recordConsultation } from '../cases/record';
import { eraseCreative } from '../privacy/erase';
import { tableCsv, tablesXlsx } from './export';
import { type Period, parsePeriod, yearPeriod } from './period-rules';
import { type Figures, officesFor, statisticsFigures } from './queries';
import { rebuildStatistics, recountMonthly } from './rebuild';
import { type Generated, generateStatisticsData } from '../../../../tests/support/stats-fixtures';
import { SUPPRESSED } from './suppression-rules';
import { buildTables, loadLabels, type StatTable } from './tables';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

const network = mintScope(true, []);
const noReferrals = async () => [];

/** A consultation record with nothing written beyond topics and outcome, nothing shared. */
const recordOf = (
	input: Pick<RecordInput, 'caseId' | 'bookingId' | 'heldAt' | 'format' | 'topics' | 'outcome'>
) =>
	({
		...input,
		situation: null,
		advice: null,
		followUpWeeks: null,
		share: { advice: false, steps: false, referrals: false },
		steps: [],
		referralServiceIds: [],
		idempotencyKey: null
	}) satisfies RecordInput;

// ---------------------------------------------------------------------------------------------
// The expected figures, computed here from the generated model with none of the code under test.
const berlin = (ms: number) =>
	new Date(ms).toLocaleString('sv-SE', { timeZone: 'Europe/Berlin' }).slice(0, 10);
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

interface Consult {
	officeId: number;
	creativeId: number;
	day: string;
	land: string;
	submarket: string;
	stage: string;
	format: string;
	kind: string;
	topics: string[];
}

function consultationsOf(g: Generated): Consult[] {
	const out: Consult[] = [];
	for (const b of g.bookings) {
		const counts = b.status === 'attended' || (b.status === 'confirmed' && b.record !== null);
		if (!counts) continue;
		const topics = b.record && b.record.topics.length > 0 ? b.record.topics : b.topics;
		out.push({ ...b, day: berlin(b.start), topics: [...new Set(topics)] });
	}
	for (const r of g.records)
		out.push({
			officeId: r.officeId,
			creativeId: r.creativeId,
			day: berlin(r.heldAt),
			land: r.land ?? '',
			submarket: r.submarket ?? '',
			stage: r.stage ?? '',
			format: r.format,
			kind: r.kind,
			topics: [...new Set(r.topics)]
		});
	return out;
}

function tally<T>(xs: T[], key: (x: T) => string | string[]): Map<string, number> {
	const m = new Map<string, number>();
	for (const x of xs) for (const k of [key(x)].flat()) m.set(k, (m.get(k) ?? 0) + 1);
	return m;
}

function expected(g: Generated, p: Period, officeIds: number[] | null, land: string | null, now: number) {
	const inPeriod = (day: string) => day.slice(0, 7) >= p.from && day.slice(0, 7) <= p.to;
	const inOffice = (id: number | null) => officeIds === null || (id !== null && officeIds.includes(id));
	const cs = consultationsOf(g).filter(
		(c) => inPeriod(c.day) && inOffice(c.officeId) && (land === null || c.land === land)
	);
	const people = new Map<number, Consult[]>();
	for (const c of cs) people.set(c.creativeId, [...(people.get(c.creativeId) ?? []), c]);
	const gaps: number[] = [];
	let withFirst = 0;
	for (const list of people.values()) {
		const firsts = list.filter((c) => c.kind === 'first').map((c) => dayNumber(c.day));
		const follows = list.filter((c) => c.kind === 'follow_up').map((c) => dayNumber(c.day));
		if (firsts.length === 0) continue;
		withFirst++;
		const d0 = Math.min(...firsts);
		if (follows.length > 0 && Math.min(...follows) >= d0) gaps.push(Math.min(...follows) - d0);
	}
	gaps.sort((a, b) => a - b);
	const median =
		gaps.length === 0
			? null
			: gaps.length % 2
				? gaps[(gaps.length - 1) / 2]!
				: (gaps[gaps.length / 2 - 1]! + gaps[gaps.length / 2]!) / 2;
	const inInstant = (ms: number) => inPeriod(berlin(ms));
	const cases = g.cases.filter(
		(c) => inInstant(c.openedAt) && inOffice(c.officeId) && (land === null || c.land === land)
	);
	const closed = g.cases.filter(
		(c) =>
			c.closedAt !== null &&
			inInstant(c.closedAt) &&
			inOffice(c.officeId) &&
			(land === null || c.land === land)
	);
	const refs = g.referrals.filter(
		(r) => inInstant(r.createdAt) && inOffice(r.officeId) && (land === null || r.land === land)
	);
	const events = g.events.filter(
		(e) =>
			inInstant(e.start) &&
			['published', 'finished'].includes(e.status) &&
			(officeIds === null || inOffice(e.officeId)) &&
			(land === null || e.venueLand === land)
	);
	const regs = events.flatMap((e) => e.regs).filter((r) => r.status === 'confirmed');
	return {
		total: cs.length,
		kind: tally(cs, (c) => c.kind),
		submarket: tally(cs, (c) => c.submarket),
		topic: tally(cs, (c) => c.topics),
		stage: tally(cs, (c) => c.stage),
		format: tally(cs, (c) => c.format),
		land: tally(cs, (c) => c.land),
		office: tally(cs, (c) => `${c.officeId}|${c.kind}`),
		month: tally(cs, (c) => `${c.day.slice(0, 7)}|${c.kind}`),
		distinct: people.size,
		multi: [...people.values()].filter((l) => l.length >= 2).length,
		withFirst,
		followedUp: gaps.length,
		median,
		cases: tally(cases, (c) => c.status),
		stalled: cases.filter(
			(c) => c.status === 'open' && (c.lastContactAt ?? c.openedAt) + 60 * 86_400_000 < now
		).length,
		closeReasons: tally(closed, (c) => c.closeReason ?? 'other'),
		referrals: tally(refs, (r) => `${r.kind}|${r.status}`),
		events: events.length,
		registrations: regs.length,
		attended: regs.filter((r) => r.attendance === 'attended').length,
		noShow: regs.filter((r) => r.attendance === 'no_show').length
	};
}

type Expected = ReturnType<typeof expected>;
const asMap = (xs: { key: string; n: number }[]) => new Map(xs.map((x) => [x.key, x.n]));

function compare(f: Figures, e: Expected) {
	const c = f.consultations;
	expect(c.total).toBe(e.total);
	expect(c.first).toBe(e.kind.get('first') ?? 0);
	expect(c.followUp).toBe(e.kind.get('follow_up') ?? 0);
	expect(asMap(c.bySubmarket)).toEqual(e.submarket);
	expect(asMap(c.byTopic)).toEqual(e.topic);
	expect(asMap(c.byStage)).toEqual(e.stage);
	expect(asMap(c.byFormat)).toEqual(e.format);
	expect(asMap(c.byLand)).toEqual(e.land);
	for (const o of c.byOffice) {
		expect(o.first).toBe(e.office.get(`${o.officeId}|first`) ?? 0);
		expect(o.followUp).toBe(e.office.get(`${o.officeId}|follow_up`) ?? 0);
	}
	for (const m of c.monthly) {
		expect(m.first).toBe(e.month.get(`${m.month}|first`) ?? 0);
		expect(m.followUp).toBe(e.month.get(`${m.month}|follow_up`) ?? 0);
	}
	expect(f.creatives).toEqual({
		distinct: e.distinct,
		multi: e.multi,
		withFirst: e.withFirst,
		followedUp: e.followedUp,
		medianDaysToFollowUp: e.median
	});
	expect(f.cases.open).toBe(e.cases.get('open') ?? 0);
	expect(f.cases.paused).toBe(e.cases.get('paused') ?? 0);
	expect(f.cases.closed).toBe(e.cases.get('closed') ?? 0);
	expect(f.cases.stalled).toBe(e.stalled);
	expect(asMap(f.cases.closeReasons)).toEqual(e.closeReasons);
	expect(new Map(f.referrals.cells.map((r) => [`${r.kind}|${r.status}`, r.n]))).toEqual(e.referrals);
	expect(f.events).toMatchObject({
		events: e.events,
		registrations: e.registrations,
		attended: e.attended,
		noShow: e.noShow
	});
}

// ---------------------------------------------------------------------------------------------

describe('facts are written with the change that makes a consultation count', () => {
	it('attended counts, no-show removes the fact, a record counts once, erasure changes nothing', async () => {
		s = await testServices();
		const f = await bookingFixture(s);
		const b = await confirmedBooking(s, f, { day: '2026-06-16', email: 'stat@example.org' });
		s.clock.set(new Date(b.start + 3_600_000));
		const actor = consultant(f);
		const scope = officeScope(f.officeId);
		const facts = () => s!.db.selectFrom('stat_consultation').selectAll().execute();
		const counter = async () =>
			Number(
				(
					await s!.db
						.selectFrom('stat_consultation_month')
						.select('n')
						.where('dim', '=', 'all')
						.where('month', '=', '2026-06')
						.executeTakeFirst()
				)?.n ?? 0
			);
		const june = {
			period: parsePeriod(new URLSearchParams('zeitraum=monat&monat=2026-06'), '2026-06-16'),
			officeId: null,
			land: null
		};

		expect(await facts()).toHaveLength(0);
		expect((await markAttendance(s, actor, scope, b.bookingId, 'attended')).ok).toBe(true);
		expect(await facts()).toHaveLength(1);
		expect(await counter()).toBe(1);
		const [fact] = await facts();
		expect(fact).toMatchObject({
			source: 'booking',
			source_id: b.bookingId,
			office_id: f.officeId,
			month: '2026-06',
			kind: 'first'
		});
		expect(fact!.person).toMatch(/^[0-9a-f]{24}$/);
		expect(JSON.stringify(fact)).not.toContain('stat@example.org');

		await markAttendance(s, actor, scope, b.bookingId, 'no_show');
		expect(await facts()).toHaveLength(0);
		expect(await counter()).toBe(0);
		await markAttendance(s, actor, scope, b.bookingId, 'attended');
		expect(await facts()).toHaveLength(1);

		// The record of the booked talk: still one consultation, now with the record's topics.
		const rec = await recordConsultation(
			s,
			actor,
			scope,
			recordOf({
				caseId: b.caseId,
				bookingId: b.bookingId,
				heldAt: null,
				format: null,
				topics: ['finanzierung'],
				outcome: 'plan_agreed'
			}),
			noReferrals
		);
		expect(rec.ok).toBe(true);
		expect(await facts()).toHaveLength(1);
		expect(JSON.parse((await facts())[0]!.topics)).toEqual(['finanzierung']);
		// A phone call without a booking: a second consultation, a follow-up, the same person.
		await recordConsultation(
			s,
			actor,
			scope,
			recordOf({
				caseId: b.caseId,
				bookingId: null,
				heldAt: b.start + 2 * 86_400_000,
				format: 'phone',
				topics: ['recht'],
				outcome: 'orientation_given'
			}),
			noReferrals
		);
		const all = await facts();
		expect(all.map((x) => [x.source, x.kind])).toEqual([
			['booking', 'first'],
			['record', 'follow_up']
		]);
		expect(new Set(all.map((x) => x.person)).size).toBe(1);

		const before = await statisticsFigures(s.db, network, june, s.clock.now().getTime());
		expect(before!.consultations.total).toBe(2);
		expect(before!.creatives).toMatchObject({
			distinct: 1,
			multi: 1,
			withFirst: 1,
			followedUp: 1,
			medianDaysToFollowUp: 2
		});

		const creative = await s.db.selectFrom('creative').select('id').executeTakeFirstOrThrow();
		expect((await eraseCreative(s, Number(creative.id))).ok).toBe(true);
		const after = await statisticsFigures(s.db, network, june, s.clock.now().getTime());
		expect(after!.consultations).toEqual(before!.consultations);
		expect(after!.creatives).toEqual(before!.creatives);
		// …and a rebuild after the erasure keeps them too.
		await rebuildStatistics(s.db, { now: s.clock.now().getTime() });
		const rebuilt = await statisticsFigures(s.db, network, june, s.clock.now().getTime());
		expect(rebuilt!.consultations).toEqual(before!.consultations);
		expect(rebuilt!.creatives).toEqual(before!.creatives);
	});
});

describe('dashboard figures over generated data', () => {
	it('match an independent count for the year, an office, a Land and a quarter', async () => {
		s = await testServices({ now: '2026-03-01T10:00:00Z' });
		const g = await generateStatisticsData(s, { creatives: 90 });
		const now = s.clock.now().getTime();
		const progress: string[] = [];
		const report = await rebuildStatistics(s.db, { now, progress: (l) => progress.push(l) });
		expect(report.added).toBe(consultationsOf(g).length);
		expect(progress.at(-1)).toMatch(/done/);

		const year = yearPeriod(2025);
		compare(
			(await statisticsFigures(s.db, network, { period: year, officeId: null, land: null }, now))!,
			expected(g, year, null, null, now)
		);
		const office = g.officeIds[1]!;
		compare(
			(await statisticsFigures(s.db, network, { period: year, officeId: office, land: null }, now))!,
			expected(g, year, [office], null, now)
		);
		const someLand = g.cases[0]!.land;
		compare(
			(await statisticsFigures(s.db, network, { period: year, officeId: null, land: someLand }, now))!,
			expected(g, year, null, someLand, now)
		);
		const q = parsePeriod(new URLSearchParams('zeitraum=quartal&jahr=2025&quartal=4'), '2026-03-01');
		compare(
			(await statisticsFigures(s.db, network, { period: q, officeId: null, land: null }, now))!,
			expected(g, q, null, null, now)
		);
		// An office's own scope sees the same figures for that office.
		compare(
			(await statisticsFigures(
				s.db,
				officeScope(office),
				{ period: year, officeId: null, land: null },
				now
			))!,
			expected(g, year, [office], null, now)
		);

		// Rebuilding again changes nothing; recounting the counters from the facts neither.
		const again = await rebuildStatistics(s.db, { now });
		expect([again.added, again.changed, again.removed]).toEqual([0, 0, 0]);
		await recountMonthly(s.db);
		compare(
			(await statisticsFigures(s.db, network, { period: year, officeId: null, land: null }, now))!,
			expected(g, year, null, null, now)
		);

		// A deleted booking's fact stays: the anonymous memory of a consultation.
		const lone = g.bookings.find((b) => b.status === 'attended' && b.record === null)!;
		await s.db.deleteFrom('booking').where('id', '=', lone.id).execute();
		await rebuildStatistics(s.db, { now });
		compare(
			(await statisticsFigures(s.db, network, { period: year, officeId: null, land: null }, now))!,
			expected(g, year, null, null, now)
		);
	});

	it("a consultant's scope cannot read another office's figures", async () => {
		s = await testServices();
		const offices = (await s.db.selectFrom('office').select('id').orderBy('id').limit(2).execute()).map((o) =>
			Number(o.id)
		);
		const mine = officeScope(offices[0]!);
		expect(officesFor(mine, offices[1]!)).toBe('denied');
		expect(officesFor(mine, null)).toEqual([offices[0]]);
		expect(
			await statisticsFigures(s.db, mine, { period: yearPeriod(2025), officeId: offices[1]!, land: null }, 0)
		).toBeNull();
	});
});

describe('exports', () => {
	it('CSV and XLSX parse back to the dashboard tables; small cells are "< 5" and every shown number is right', async () => {
		s = await testServices({ now: '2026-03-01T10:00:00Z' });
		const g = await generateStatisticsData(s, { creatives: 70, seed: 11 });
		const now = s.clock.now().getTime();
		await rebuildStatistics(s.db, { now });
		const year = yearPeriod(2025);
		const figures = (await statisticsFigures(
			s.db,
			network,
			{ period: year, officeId: null, land: null },
			now
		))!;
		const e = expected(g, year, null, null, now);
		const labels = await loadLabels(s.db, 'de');
		const tables = buildTables(figures, labels, { locale: 'de', suppress: true, byOffice: true });

		// Independent truth per exported cell, for the count tables.
		const truth = (t: StatTable, rowKey: string, col: number): number | undefined => {
			const byKey = (m: Map<string, number>) =>
				rowKey === 'total' ? [...m.values()].reduce((a, b) => a + b, 0) : (m.get(rowKey) ?? 0);
			if (t.id === 'teilmarkt') return byKey(e.submarket);
			if (t.id === 'thema') return byKey(e.topic);
			if (t.id === 'phase') return byKey(e.stage);
			if (t.id === 'format') return byKey(e.format);
			if (t.id === 'land') return byKey(e.land);
			if (t.id === 'monate') {
				const kinds = ['first', 'follow_up'];
				const pick = (month: string | null, kind: string | null) =>
					[...e.month]
						.filter(
							([k]) =>
								(month === null || k.startsWith(`${month}|`)) && (kind === null || k.endsWith(`|${kind}`))
						)
						.reduce((a, [, n]) => a + n, 0);
				return pick(rowKey === 'total' ? null : rowKey, col < 2 ? kinds[col]! : null);
			}
			return undefined;
		};

		let smallSeen = 0;
		let checked = 0;
		for (const table of tables) {
			for (const sep of [',', ';'] as const) {
				const csv = tableCsv(table, sep);
				expect(csv.startsWith('\uFEFF')).toBe(true);
				const rows = parseCsv(csv, { bom: true, delimiter: sep }) as string[][];
				expect(rows[0]).toEqual([table.rowHeader, ...table.columns]);
				expect(rows).toHaveLength(table.rows.length + 1);
				table.rows.forEach((r, i) => {
					expect(rows[i + 1]![0]).toBe(r.label);
					r.cells.forEach((c, j) => {
						const shown = rows[i + 1]![j + 1]!;
						expect(shown).toBe(c === null ? '' : sep === ';' ? String(c).replace('.', ',') : String(c));
						const want = truth(table, r.key, j);
						if (want === undefined) return;
						if (want < 5) {
							expect(shown).toBe(SUPPRESSED);
							smallSeen++;
						} else if (shown !== SUPPRESSED) {
							expect(Number(shown)).toBe(want);
							checked++;
						}
					});
				});
			}
		}
		expect(smallSeen).toBeGreaterThan(0);
		expect(checked).toBeGreaterThan(20);
		// No exported count below 5 anywhere (figures like medians and rates are not counts).
		for (const table of tables.filter((t) => t.kind === 'counts'))
			for (const r of table.rows)
				for (const c of r.cells) if (typeof c === 'number') expect(c).toBeGreaterThanOrEqual(5);

		const xlsx = await tablesXlsx(tables, 'de');
		const sheets = await readXlsx(xlsx);
		expect(sheets).toHaveLength(tables.length);
		tables.forEach((table, k) => {
			const data = sheets[k]!.data;
			expect(data[0]).toEqual([table.rowHeader, ...table.columns]);
			table.rows.forEach((r, i) => {
				expect(data[i + 1]![0]).toBe(r.label);
				r.cells.forEach((c, j) => {
					expect(data[i + 1]![j + 1] ?? null).toBe(c);
				});
			});
		});
	});

	it('office staff see exact figures; the same figures suppressed for export', async () => {
		s = await testServices({ now: '2026-03-01T10:00:00Z' });
		const g = await generateStatisticsData(s, { creatives: 20, seed: 3 });
		const now = s.clock.now().getTime();
		await rebuildStatistics(s.db, { now });
		const office = g.officeIds[0]!;
		const figures = (await statisticsFigures(
			s.db,
			officeScope(office),
			{ period: yearPeriod(2025), officeId: office, land: null },
			now
		))!;
		const labels = await loadLabels(s.db, 'en');
		const exact = buildTables(figures, labels, { locale: 'en', suppress: false, byOffice: false });
		const safe = buildTables(figures, labels, { locale: 'en', suppress: true, byOffice: false });
		const cellsOf = (ts: StatTable[], id: string) =>
			ts.find((t) => t.id === id)!.rows.flatMap((r) => r.cells);
		expect(cellsOf(exact, 'teilmarkt').every((c) => typeof c === 'number')).toBe(true);
		expect(cellsOf(safe, 'teilmarkt')).toContain(SUPPRESSED);
		expect(exact.some((t) => t.id === 'bueros')).toBe(false);
	});
});
