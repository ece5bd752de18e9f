import { sql } from 'kysely';
import { type OfficeScope, scopeIncludes } from '../access/scope';
import type { Db, Tx } from '../db/transaction';
import { num } from '../db/count-value';
import { caseFigures } from './case-figures';
import { eventFigures } from './event-figures';
import { referralFigures } from './referral-figures';
import { peopleBuckets, scopeFor } from './people-aggregates';
import { type Period, periodInstants, monthsOf } from './period-rules';
import { type VisibilityFigures, visibilityFigures } from './visibility';

/**
 * The dashboard's figures for a period, an office (or all the caller may see) and a Land.
 * Consultations come from the monthly counters and the anonymous facts; cases from their monthly
 * counts (case-figures.ts); referrals and events are counted from their own tables, whose
 * statistical columns survive erasure.
 * Everything returned is an aggregate; suppression is applied when the figures are shown
 * (tables.ts).
 */
type Reader = Db | Tx;

export interface StatsFilter {
	period: Period;
	/** null: every office in the scope (all offices for network admins). */
	officeId: number | null;
	land: string | null;
}

export interface Count {
	key: string;
	n: number;
}

export interface Figures {
	officeIds: number[] | null;
	consultations: {
		total: number;
		first: number;
		followUp: number;
		bySubmarket: Count[];
		byTopic: Count[];
		byStage: Count[];
		byFormat: Count[];
		byLand: Count[];
		byOffice: { officeId: number; first: number; followUp: number }[];
		monthly: { month: string; first: number; followUp: number }[];
	};
	creatives: {
		/** Distinct people with a consultation in the period. */
		distinct: number;
		/** …of whom with two or more consultations in the period. */
		multi: number;
		/** People whose first consultation lies in the period. */
		withFirst: number;
		/** …of whom with a follow-up in the period (on the same day or later). */
		followedUp: number;
		/** Median days from the first consultation to the first follow-up; null without any. */
		medianDaysToFollowUp: number | null;
	};
	cases: {
		opened: number;
		open: number;
		paused: number;
		closed: number;
		stalled: number;
		closedInPeriod: number;
		closeReasons: Count[];
		/** Issue 16: appointments cancelled in the period by the creative's reason ('' = none given). */
		cancelReasons: Count[];
	};
	referrals: { total: number; cells: { kind: string; status: string; n: number }[] };
	events: {
		events: number;
		registrations: number;
		attended: number;
		noShow: number;
		noShowRate: number | null;
		/** Issue 16: self-deregistrations in the period by the reason given ('' = none given). */
		cancelReasons: Count[];
	};
	visibility: VisibilityFigures;
}

/** The offices the figures cover, or 'denied' when the caller asks for one outside the scope. */
export function officesFor(scope: OfficeScope, officeId: number | null): number[] | null | 'denied' {
	if (officeId !== null) return scopeIncludes(scope, officeId) ? [officeId] : 'denied';
	return scope.all ? null : [...scope.officeIds];
}

/** The median of a distribution given as value → count. */
export function medianOf(dist: Map<number, number>): number | null {
	const total = [...dist.values()].reduce((a, b) => a + b, 0);
	if (total === 0) return null;
	const sorted = [...dist.entries()].sort((a, b) => a[0] - b[0]);
	const at = (k: number) => {
		let seen = 0;
		for (const [v, c] of sorted) {
			seen += c;
			if (seen > k) return v;
		}
		return sorted.at(-1)![0];
	};
	return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

export async function statisticsFigures(
	db: Reader,
	scope: OfficeScope,
	filter: StatsFilter,
	now: number,
	/** Timing of each part (the benchmark's breakdown). */
	onTiming?: (part: string, ms: number) => void
): Promise<Figures | null> {
	const officeIds = officesFor(scope, filter.officeId);
	if (officeIds === 'denied') return null;
	if (officeIds !== null && officeIds.length === 0) return emptyFigures([]);
	const q: PartFilter = { ...filter.period, ...periodInstants(filter.period), officeIds, land: filter.land };
	const timed = async <T>(part: string, work: Promise<T>): Promise<T> => {
		const t = performance.now();
		const result = await work;
		onTiming?.(part, performance.now() - t);
		return result;
	};
	// Independent parts: in parallel on PostgreSQL's pool (SQLite runs them one after another).
	const [consultations, creatives, cases, referrals, events, visibility] = await Promise.all([
		timed('counters', consultationCounts(db, q)),
		timed('people', peopleFigures(db, q)),
		timed('cases', caseFigures(db, q, now)),
		timed('referrals', referralFigures(db, q)),
		timed('events', eventFigures(db, q)),
		visibilityFigures(db, { officeIds, land: q.land, start: q.start, end: q.end })
	]);
	return { officeIds, consultations, creatives, cases, referrals, events, visibility };
}

export interface PartFilter {
	from: string;
	to: string;
	start: number;
	end: number;
	officeIds: number[] | null;
	land: string | null;
}

/** Breakdowns from the monthly counters: a few thousand rows at most, never the facts. */
async function consultationCounts(db: Reader, q: PartFilter): Promise<Figures['consultations']> {
	let months = db
		.selectFrom('stat_consultation_month')
		.where('month', '>=', q.from)
		.where('month', '<=', q.to);
	if (q.officeIds) months = months.where('office_id', 'in', q.officeIds);
	if (q.land) months = months.where('land_iso', '=', q.land);
	// First and follow-up sums by month and by office: one query, grouped by either column.
	const kindsBy = (by: 'month' | 'office_id') =>
		months
			.select((eb) => [eb.ref(by).as('group'), 'key', sql<number>`sum(n)`.as('n')])
			.where('dim', '=', 'kind')
			.groupBy([by, 'key'])
			.execute();
	const [byDim, byMonthKind, byOfficeKind, byLand] = await Promise.all([
		months
			.select(['dim', 'key', sql<number>`sum(n)`.as('n')])
			.where('dim', '!=', 'all')
			.groupBy(['dim', 'key'])
			.execute(),
		kindsBy('month'),
		kindsBy('office_id'),
		months
			.select(['land_iso', sql<number>`sum(n)`.as('n')])
			.where('dim', '=', 'all')
			.groupBy('land_iso')
			.execute()
	]);
	const dim = (d: string): Count[] =>
		byDim
			.filter((r) => r.dim === d && num(r.n) > 0)
			.map((r) => ({ key: r.key, n: num(r.n) }))
			.sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
	const kinds = dim('kind');
	const first = kinds.find((k) => k.key === 'first')?.n ?? 0;
	const followUp = kinds.find((k) => k.key === 'follow_up')?.n ?? 0;
	const perMonth = firstAndFollowUp(byMonthKind);
	const monthly = monthsOf(q.from, q.to).map((m) => ({
		month: m,
		...(perMonth.get(m) ?? { first: 0, followUp: 0 })
	}));
	const byOffice = [...firstAndFollowUp(byOfficeKind)].map(([id, o]) => ({ officeId: Number(id), ...o }));
	return {
		total: first + followUp,
		first,
		followUp,
		bySubmarket: dim('submarket'),
		byTopic: dim('topic'),
		byStage: dim('stage'),
		byFormat: dim('format'),
		byLand: byLand
			.filter((r) => num(r.n) > 0)
			.map((r) => ({ key: r.land_iso, n: num(r.n) }))
			.sort((a, b) => b.n - a.n || a.key.localeCompare(b.key)),
		byOffice: byOffice.sort((a, b) => a.officeId - b.officeId),
		monthly
	};
}

/** First and follow-up consultations per group (a month or an office) from the per-kind sums. */
function firstAndFollowUp(rows: { group: string | number; key: string; n: unknown }[]) {
	const groups = new Map<string, { first: number; followUp: number }>();
	for (const r of rows) {
		const g = groups.get(String(r.group)) ?? { first: 0, followUp: 0 };
		if (r.key === 'first') g.first += num(r.n);
		else if (r.key === 'follow_up') g.followUp += num(r.n);
		groups.set(String(r.group), g);
	}
	return groups;
}

/** The calendar year a period covers exactly (January to December), else null. */
function wholeYear(q: Pick<PartFilter, 'from' | 'to'>): string | null {
	const year = q.from.slice(0, 4);
	return q.from === `${year}-01` && q.to === `${year}-12` ? year : null;
}

/**
 * People. Issue 14: a whole year in one scope (the network, one office, one Land or both) reads
 * the pre-aggregated buckets (people-aggregates.ts); any other period or a set of several
 * offices groups the period's facts by person.
 */
export async function peopleFigures(db: Reader, q: PartFilter): Promise<Figures['creatives']> {
	const year = wholeYear(q);
	const scope = scopeFor(q.officeIds, q.land);
	if (year === null || scope === null) return peopleFiguresFromFacts(db, q);
	const buckets = await peopleBuckets(db, year, scope);
	return peopleFromBuckets(
		buckets.map((b) => ({ gap: b.gap, multi: b.multi, has_first: b.hasFirst, n: b.n }))
	);
}

/** People: one pass over the period's facts (covering index), aggregated per person in SQL. */
export async function peopleFiguresFromFacts(db: Reader, q: PartFilter): Promise<Figures['creatives']> {
	let facts = db
		.selectFrom('stat_consultation')
		.select([
			'person',
			sql<number>`count(*)`.as('cnt'),
			sql<number | null>`min(case when kind = 'first' then day_no end)`.as('d0'),
			sql<number | null>`min(case when kind = 'follow_up' then day_no end)`.as('d1')
		])
		.where('month', '>=', q.from)
		.where('month', '<=', q.to);
	if (q.officeIds) facts = facts.where('office_id', 'in', q.officeIds);
	if (q.land) facts = facts.where('land_iso', '=', q.land);
	const people = await db
		.selectFrom(facts.groupBy('person').as('p'))
		.select([
			sql<number>`case when p.d0 is not null and p.d1 >= p.d0 then p.d1 - p.d0 else -1 end`.as('gap'),
			sql<number>`case when p.cnt >= 2 then 1 else 0 end`.as('multi'),
			sql<number>`case when p.d0 is not null then 1 else 0 end`.as('has_first'),
			sql<number>`count(*)`.as('n')
		])
		.groupBy(['gap', 'multi', 'has_first'])
		.execute();
	return peopleFromBuckets(people);
}

function peopleFromBuckets(
	people: { gap: unknown; multi: unknown; has_first: unknown; n: unknown }[]
): Figures['creatives'] {
	const gaps = new Map<number, number>();
	const out: Figures['creatives'] = {
		distinct: 0,
		multi: 0,
		withFirst: 0,
		followedUp: 0,
		medianDaysToFollowUp: null
	};
	for (const r of people) {
		const n = num(r.n);
		out.distinct += n;
		if (num(r.multi) === 1) out.multi += n;
		if (num(r.has_first) === 1) out.withFirst += n;
		const gap = num(r.gap);
		if (gap >= 0) {
			out.followedUp += n;
			gaps.set(gap, (gaps.get(gap) ?? 0) + n);
		}
	}
	out.medianDaysToFollowUp = medianOf(gaps);
	return out;
}

function emptyFigures(officeIds: number[]): Figures {
	return {
		officeIds,
		consultations: {
			total: 0,
			first: 0,
			followUp: 0,
			bySubmarket: [],
			byTopic: [],
			byStage: [],
			byFormat: [],
			byLand: [],
			byOffice: [],
			monthly: []
		},
		creatives: { distinct: 0, multi: 0, withFirst: 0, followedUp: 0, medianDaysToFollowUp: null },
		cases: {
			opened: 0,
			open: 0,
			paused: 0,
			closed: 0,
			stalled: 0,
			closedInPeriod: 0,
			closeReasons: [],
			cancelReasons: []
		},
		referrals: { total: 0, cells: [] },
		events: { events: 0, registrations: 0, attended: 0, noShow: 0, noShowRate: null, cancelReasons: [] },
		visibility: { available: false, profilesPublished: 0, introductions: 0, cooperations: 0 }
	};
}
