import { type Expression, type SqlBool, sql } from 'kysely';
import { berlinDate } from '../../time/berlin';
import { DAY } from '../../time/durations';
import { type OfficeScope, scopeIncludes } from '../access/scope';
import type { CaseStatus } from '../db/schema';
import type { Db, Tx } from '../db/transaction';
import { type CaseActor, seesWholeOffice } from './case-actor';
import { type CaseSettings, DUE_SOON_MS, type DueState, dueState, isStalled } from './rhythm-rules';
import { getCaseSettings } from './settings';
import { num } from '../db/count-value';

/**
 * Issue 4, item 3: the caseload dashboard. A consultant sees the cases they are responsible
 * for; the office lead (and network admins) the whole office, optionally one consultant's.
 *
 * Issue 14: an office may hold tens of thousands of cases. The header counts are SQL aggregates
 * over the whole (filtered) caseload, the list is one page in SQL; the rules of rhythm-rules.ts
 * are restated as SQL conditions here (the caseload test holds both to the same numbers).
 */
export interface CaseloadRow {
	id: number;
	name: string;
	status: CaseStatus;
	consultantId: number;
	consultantName: string;
	submarket: string | null;
	openedAt: number;
	lastContactAt: number | null;
	nextContactDueAt: number | null;
	due: DueState;
	stalled: boolean;
	overdueSteps: number;
	openSteps: number;
	unseenAnswers: number;
	wantsFollowUp: boolean;
}

export interface CaseloadCounts {
	open: number;
	paused: number;
	due: number;
	overdue: number;
	overdueSteps: number;
	stalled: number;
	answers: number;
}

export interface Caseload {
	/** One page of the list (the attention filter applies to it, not to the counts). */
	rows: CaseloadRow[];
	/** Over the whole caseload the filter selects (consultant, state, search). */
	counts: CaseloadCounts;
	/** The newest unseen answers, at most ANSWER_LIST_MAX (counts.answers has them all). */
	answers: { checkInId: number; caseId: number; name: string; answeredAt: number; wantsFollowUp: boolean }[];
	/** Rows the list filter matches, and the page shown (1-based) of `pages`. */
	total: number;
	page: number;
	pages: number;
}

export interface CaseloadFilter {
	/** Leads may narrow to one consultant; consultants always see their own. */
	consultantId: number | null;
	/** 'active' = open and paused; 'closed'. */
	state: 'active' | 'closed';
	/** Only rows needing attention: overdue, due, stalled, overdue steps, new answers. */
	attention: boolean;
	q: string | null;
	/** 1-based; beyond the last page shows the last page. */
	page?: number;
}

export const CASELOAD_PAGE_SIZE = 50;
export const ANSWER_LIST_MAX = 20;

export async function caseload(
	db: Db | Tx,
	scope: OfficeScope,
	actor: CaseActor,
	officeId: number,
	now: Date,
	filter: CaseloadFilter
): Promise<Caseload> {
	const empty: Caseload = {
		rows: [],
		counts: { open: 0, paused: 0, due: 0, overdue: 0, overdueSteps: 0, stalled: 0, answers: 0 },
		answers: [],
		total: 0,
		page: 1,
		pages: 1
	};
	if (!scopeIncludes(scope, officeId)) return empty;
	const consultantId = seesWholeOffice(actor) ? filter.consultantId : actor.id;
	const settings = await getCaseSettings(db, officeId);
	const w = caseloadConditions(officeId, consultantId, filter, now, settings);

	const { counts, total } = await caseloadCounts(db, w, filter);
	const pages = Math.max(1, Math.ceil(total / CASELOAD_PAGE_SIZE));
	const page = Math.min(Math.max(1, Math.floor(filter.page ?? 1)), pages);
	const cases = await casePage(db, w, page);
	const { steps, answers, answerList } = await pageDetails(
		db,
		w,
		cases.map((c) => Number(c.id)),
		counts.answers
	);

	return {
		rows: cases.map((c) => caseloadRow(c, steps, answers, now.getTime(), settings)),
		counts,
		answers: answerList.map((a) => ({
			checkInId: Number(a.id),
			caseId: Number(a.case_id),
			name: a.name,
			answeredAt: Number(a.answered_at),
			wantsFollowUp: Number(a.wants_follow_up) === 1
		})),
		total,
		page,
		pages
	};
}

interface CaseloadConditions {
	today: string;
	/** The caseload the filter selects, before the attention filter. */
	inCaseload: Expression<SqlBool>;
	/** The rows the list shows. */
	listed: Expression<SqlBool>;
	due: Expression<SqlBool>;
	overdue: Expression<SqlBool>;
	stalled: Expression<SqlBool>;
}

function caseloadConditions(
	officeId: number,
	consultantId: number | null,
	filter: CaseloadFilter,
	now: Date,
	settings: CaseSettings
): CaseloadConditions {
	const t = now.getTime();
	const today = berlinDate(now);
	const stalledBefore = t - settings.stalledDays * DAY;
	const dueUntil = t + DUE_SOON_MS;

	// The caseload the filter selects: office, state, consultant, name search (LIKE, lower-cased).
	const inCaseload: Expression<SqlBool> = sql<SqlBool>`c.office_id = ${officeId}
		and c.status ${filter.state === 'closed' ? sql`=` : sql`<>`} 'closed'
		${consultantId != null ? sql`and c.consultant_id = ${consultantId}` : sql``}
		${filter.q ? sql`and lower(c.name) like ${`%${filter.q.replace(/[%_]/g, '').toLowerCase()}%`}` : sql``}`;
	// dueState / isStalled (rhythm-rules.ts) for open cases, and the per-case flags, in SQL.
	const isOpen = sql`c.status = 'open'`;
	const overdue = sql<SqlBool>`(${isOpen} and c.next_contact_due_at <= ${t})`;
	const due = sql<SqlBool>`(${isOpen} and c.next_contact_due_at > ${t} and c.next_contact_due_at <= ${dueUntil})`;
	const stalled = sql<SqlBool>`(${isOpen} and coalesce(c.last_contact_at, c.opened_at) < ${stalledBefore})`;
	const hasOverdueStep = sql<SqlBool>`exists (select 1 from next_step s where s.case_id = c.id and s.done_at is null and s.due_on < ${today})`;
	const hasAnswer = sql<SqlBool>`exists (select 1 from check_in ci where ci.case_id = c.id and ci.answered_at is not null and ci.seen_at is null)`;
	const listed: Expression<SqlBool> = filter.attention
		? sql<SqlBool>`${inCaseload} and (${overdue} or ${due} or ${stalled} or ${hasOverdueStep} or ${hasAnswer})`
		: inCaseload;
	return { today, inCaseload, listed, due, overdue, stalled };
}

/** The header counts over the whole caseload, and how many rows the list has. */
async function caseloadCounts(
	db: Db | Tx,
	w: CaseloadConditions,
	filter: CaseloadFilter
): Promise<{ counts: CaseloadCounts; total: number }> {
	const [countRow, stepRow, answerCount, listedRow] = await Promise.all([
		db
			.selectFrom('case_file as c')
			.select([
				sql<number>`sum(case when c.status = 'open' then 1 else 0 end)`.as('open'),
				sql<number>`sum(case when c.status = 'paused' then 1 else 0 end)`.as('paused'),
				sql<number>`sum(case when ${w.due} then 1 else 0 end)`.as('due'),
				sql<number>`sum(case when ${w.overdue} then 1 else 0 end)`.as('overdue'),
				sql<number>`sum(case when ${w.stalled} then 1 else 0 end)`.as('stalled')
			])
			.where(w.inCaseload)
			.executeTakeFirst(),
		db
			.selectFrom('next_step as s')
			.innerJoin('case_file as c', 'c.id', 's.case_id')
			.select(sql<number>`count(*)`.as('n'))
			.where('s.done_at', 'is', null)
			.where('s.due_on', '<', w.today)
			.where(w.inCaseload)
			.executeTakeFirst(),
		db
			.selectFrom('check_in as ci')
			.innerJoin('case_file as c', 'c.id', 'ci.case_id')
			.select(sql<number>`count(*)`.as('n'))
			.where('ci.answered_at', 'is not', null)
			.where('ci.seen_at', 'is', null)
			.where(w.inCaseload)
			.executeTakeFirst(),
		filter.attention
			? db
					.selectFrom('case_file as c')
					.select(sql<number>`count(*)`.as('n'))
					.where(w.listed)
					.executeTakeFirst()
			: null
	]);
	const counts: CaseloadCounts = {
		open: num(countRow?.open),
		paused: num(countRow?.paused),
		due: num(countRow?.due),
		overdue: num(countRow?.overdue),
		overdueSteps: num(stepRow?.n),
		stalled: num(countRow?.stalled),
		answers: num(answerCount?.n)
	};
	// Active lists count from the header figures; closed cases have none, so they take a query.
	const total = filter.attention
		? num(listedRow?.n)
		: filter.state === 'closed'
			? num(
					(
						await db
							.selectFrom('case_file as c')
							.select(sql<number>`count(*)`.as('n'))
							.where(w.inCaseload)
							.executeTakeFirst()
					)?.n
				)
			: counts.open + counts.paused;
	return { counts, total };
}

function casePage(db: Db | Tx, w: CaseloadConditions, page: number) {
	return db
		.selectFrom('case_file as c')
		.innerJoin('staff_user as u', 'u.id', 'c.consultant_id')
		.select([
			'c.id',
			'c.name',
			'c.status',
			'c.consultant_id',
			'u.name as consultant_name',
			'c.submarket',
			'c.opened_at',
			'c.last_contact_at',
			'c.next_contact_due_at'
		])
		.where(w.listed)
		.orderBy('c.next_contact_due_at')
		.orderBy('c.id')
		.limit(CASELOAD_PAGE_SIZE)
		.offset((page - 1) * CASELOAD_PAGE_SIZE)
		.execute();
}

type CaseOnPage = Awaited<ReturnType<typeof casePage>>[number];
type StepsOf = Map<number, { open: number; overdue: number }>;
type AnswersOf = Map<number, { count: number; wantsFollowUp: boolean }>;

/** Open steps and unseen answers of the page's cases, and the newest answers of the whole caseload. */
async function pageDetails(db: Db | Tx, w: CaseloadConditions, ids: number[], answerCount: number) {
	const steps: StepsOf = new Map();
	const answers: AnswersOf = new Map();
	const [stepRows, pageAnswers, answerList] = await Promise.all([
		ids.length
			? db
					.selectFrom('next_step')
					.select([
						'case_id',
						sql<number>`count(*)`.as('open'),
						sql<number>`sum(case when due_on < ${w.today} then 1 else 0 end)`.as('overdue')
					])
					.where('case_id', 'in', ids)
					.where('done_at', 'is', null)
					.groupBy('case_id')
					.execute()
			: [],
		ids.length
			? db
					.selectFrom('check_in')
					.select([
						'case_id',
						sql<number>`count(*)`.as('n'),
						sql<number>`max(wants_follow_up)`.as('follow_up')
					])
					.where('case_id', 'in', ids)
					.where('answered_at', 'is not', null)
					.where('seen_at', 'is', null)
					.groupBy('case_id')
					.execute()
			: [],
		answerCount > 0
			? db
					.selectFrom('check_in as ci')
					.innerJoin('case_file as c', 'c.id', 'ci.case_id')
					.select(['ci.id', 'ci.case_id', 'ci.answered_at', 'ci.wants_follow_up', 'c.name'])
					.where('ci.answered_at', 'is not', null)
					.where('ci.seen_at', 'is', null)
					.where(w.inCaseload)
					.orderBy('ci.answered_at', 'desc')
					.orderBy('ci.id', 'desc')
					.limit(ANSWER_LIST_MAX)
					.execute()
			: []
	]);
	for (const s of stepRows) steps.set(Number(s.case_id), { open: num(s.open), overdue: num(s.overdue) });
	for (const a of pageAnswers)
		answers.set(Number(a.case_id), { count: num(a.n), wantsFollowUp: num(a.follow_up) === 1 });
	return { steps, answers, answerList };
}

function caseloadRow(
	c: CaseOnPage,
	steps: StepsOf,
	answers: AnswersOf,
	t: number,
	settings: CaseSettings
): CaseloadRow {
	const id = Number(c.id);
	const next = c.next_contact_due_at == null ? null : Number(c.next_contact_due_at);
	const last = c.last_contact_at == null ? null : Number(c.last_contact_at);
	const active = c.status === 'open';
	return {
		id,
		name: c.name,
		status: c.status,
		consultantId: Number(c.consultant_id),
		consultantName: c.consultant_name,
		submarket: c.submarket,
		openedAt: Number(c.opened_at),
		lastContactAt: last,
		nextContactDueAt: next,
		due: active ? dueState(next, t) : 'none',
		stalled: active && isStalled(last, Number(c.opened_at), t, settings),
		overdueSteps: steps.get(id)?.overdue ?? 0,
		openSteps: steps.get(id)?.open ?? 0,
		unseenAnswers: answers.get(id)?.count ?? 0,
		wantsFollowUp: answers.get(id)?.wantsFollowUp ?? false
	};
}
