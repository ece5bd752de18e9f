import type { CaseStatus, ConsultationOutcome } from '../db/schema';
import type { Db, Tx } from '../db/transaction';
import type { Locale } from '../../i18n/locale';
import { mayBookFollowUp } from '../cases/index';
import { myCasesQuery, myCaseQuery } from './my-cases';

/**
 * The creative's own accompaniment in the portal (issue 4, item 6): per case the plan (next
 * steps the consultant shared) and the summaries of the talks. Keyed by the signed-in
 * creative's id only. What the consultant did not share never leaves this file: the situation
 * note is never selected, the advice text only when the record says share_advice = 1, steps and
 * referrals of a record only when it says share_steps / share_referrals = 1.
 */
export interface PlanStep {
	id: number;
	text: string;
	owner: 'creative' | 'consultant';
	/** 'YYYY-MM-DD' (Berlin calendar day) or null. */
	dueOn: string | null;
	doneAt: number | null;
}

export interface SummaryReferral {
	id: number;
	organizationName: string;
	serviceName: string;
}

export interface ConsultationSummary {
	id: number;
	heldAt: number;
	kind: 'first' | 'follow_up';
	format: string;
	/** Topic names in the reader's language. */
	topics: string[];
	outcome: ConsultationOutcome;
	/** Only when the consultant shared it. */
	advice: string | null;
	/** Steps agreed in this talk (only when shared). */
	steps: string[];
	/** Referrals made in this talk (only when shared). */
	referrals: SummaryReferral[];
}

export interface MyCase {
	id: number;
	officeName: string;
	consultantName: string;
	status: CaseStatus;
	/** Goals agreed with the consultant (always shared: they are written for the creative). */
	goals: string | null;
	plan: PlanStep[];
	summaries: ConsultationSummary[];
	canBookFollowUp: boolean;
}

const STATUS_ORDER: Record<CaseStatus, number> = { open: 0, paused: 1, closed: 2 };

/** Open steps first, then by due day (undated last), then in the order they were agreed. */
function byPlanOrder(a: PlanStep, b: PlanStep): number {
	if ((a.doneAt == null) !== (b.doneAt == null)) return a.doneAt == null ? -1 : 1;
	if (a.dueOn !== b.dueOn) {
		if (a.dueOn == null) return 1;
		if (b.dueOn == null) return -1;
		return a.dueOn < b.dueOn ? -1 : 1;
	}
	return a.id - b.id;
}

/** A step is overdue when it is still open and its due day lies before today (Berlin days). */
export function stepOverdue(step: Pick<PlanStep, 'dueOn' | 'doneAt'>, today: string): boolean {
	return step.doneAt == null && step.dueOn != null && step.dueOn < today;
}

export async function myCases(db: Db | Tx, creativeId: number, locale: Locale): Promise<MyCase[]> {
	const cases = await casesOfCreative(db, creativeId);
	if (cases.length === 0) return [];
	const shared = await loadSharedParts(
		db,
		cases.map((c) => Number(c.id))
	);
	const { planByCase, stepsByRecord } = plansOf(shared.steps);
	const summariesByCase = summariesOf(shared, stepsByRecord, locale);

	const talked = new Map(
		await Promise.all(
			cases.map(async (c) => [Number(c.id), await mayBookFollowUp(db, Number(c.id))] as const)
		)
	);
	return cases
		.map((c) => {
			const id = Number(c.id);
			return {
				id,
				openedAt: Number(c.opened_at),
				officeName: c.office_name,
				consultantName: c.consultant_name,
				status: c.status,
				goals: c.goals,
				plan: (planByCase.get(id) ?? []).sort(byPlanOrder),
				summaries: summariesByCase.get(id) ?? [],
				canBookFollowUp: c.status !== 'closed' && talked.get(id) === true
			};
		})
		.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.openedAt - a.openedAt || b.id - a.id)
		.map(({ openedAt: _openedAt, ...c }) => c);
}

function casesOfCreative(db: Db | Tx, creativeId: number) {
	return myCasesQuery(db, creativeId).select(['c.status', 'c.goals', 'c.opened_at']).execute();
}

type SharedParts = Awaited<ReturnType<typeof loadSharedParts>>;

async function loadSharedParts(db: Db | Tx, caseIds: number[]) {
	const [steps, records, referrals, topics] = await Promise.all([
		db
			.selectFrom('next_step as s')
			.leftJoin('consultation_record as r', 'r.id', 's.record_id')
			.select(['s.id', 's.case_id', 's.record_id', 's.text', 's.owner', 's.due_on', 's.done_at'])
			.where('s.case_id', 'in', caseIds)
			.where('s.shared', '=', 1)
			.where((eb) => eb.or([eb('s.record_id', 'is', null), eb('r.share_steps', '=', 1)]))
			.execute(),
		// Never `selectAll`: the situation note must not be read here at all.
		db
			.selectFrom('consultation_record')
			.select(['id', 'case_id', 'held_at', 'kind', 'format', 'topics', 'outcome', 'advice', 'share_advice'])
			.where('case_id', 'in', caseIds)
			.orderBy('held_at', 'desc')
			.orderBy('id', 'desc')
			.execute(),
		db
			.selectFrom('referral as f')
			.innerJoin('consultation_record as r', 'r.id', 'f.record_id')
			.innerJoin('cp_service as sv', 'sv.id', 'f.service_id')
			.innerJoin('cp_organization as og', 'og.id', 'sv.organization_id')
			.select(['f.id', 'f.record_id', 'sv.name as service_name', 'og.name as organization_name'])
			.where('f.case_id', 'in', caseIds)
			.where('r.share_referrals', '=', 1)
			.orderBy('f.id')
			.execute(),
		db.selectFrom('topic').select(['key', 'name_de', 'name_en']).execute()
	]);
	return { steps, records, referrals, topics };
}

function plansOf(steps: SharedParts['steps']): {
	planByCase: Map<number, PlanStep[]>;
	stepsByRecord: Map<number, string[]>;
} {
	const stepsByRecord = new Map<number, string[]>();
	const planByCase = new Map<number, PlanStep[]>();
	for (const s of steps) {
		const step: PlanStep = {
			id: Number(s.id),
			text: s.text,
			owner: s.owner,
			dueOn: s.due_on,
			doneAt: s.done_at == null ? null : Number(s.done_at)
		};
		const caseId = Number(s.case_id);
		planByCase.set(caseId, [...(planByCase.get(caseId) ?? []), step]);
		if (s.record_id != null) {
			const recordId = Number(s.record_id);
			stepsByRecord.set(recordId, [...(stepsByRecord.get(recordId) ?? []), step.text]);
		}
	}
	return { planByCase, stepsByRecord };
}

function summariesOf(
	{ records, referrals, topics }: SharedParts,
	stepsByRecord: Map<number, string[]>,
	locale: Locale
): Map<number, ConsultationSummary[]> {
	const topicName = new Map(topics.map((tp) => [tp.key, locale === 'en' ? tp.name_en : tp.name_de]));
	const referralsByRecord = new Map<number, SummaryReferral[]>();
	for (const f of referrals) {
		const recordId = Number(f.record_id);
		referralsByRecord.set(recordId, [
			...(referralsByRecord.get(recordId) ?? []),
			{
				id: Number(f.id),
				organizationName: f.organization_name,
				serviceName: f.service_name || f.organization_name
			}
		]);
	}
	const summariesByCase = new Map<number, ConsultationSummary[]>();
	for (const r of records) {
		const id = Number(r.id);
		const caseId = Number(r.case_id);
		const summary: ConsultationSummary = {
			id,
			heldAt: Number(r.held_at),
			kind: r.kind,
			format: r.format,
			topics: (JSON.parse(r.topics) as string[]).map((key) => topicName.get(key) ?? key),
			outcome: r.outcome,
			advice: Number(r.share_advice) === 1 ? r.advice : null,
			steps: stepsByRecord.get(id) ?? [],
			referrals: referralsByRecord.get(id) ?? []
		};
		summariesByCase.set(caseId, [...(summariesByCase.get(caseId) ?? []), summary]);
	}
	return summariesByCase;
}

export interface FollowUpCase {
	id: number;
	officeName: string;
	officePhone: string;
	officeEmail: string;
	consultantName: string;
}

/** The creative's cases a follow-up can be booked in (not closed), with the office's contact. */
export async function myFollowUpCases(db: Db | Tx, creativeId: number): Promise<FollowUpCase[]> {
	const rows = await myCasesQuery(db, creativeId)
		.select(['o.phone as office_phone', 'o.email as office_email'])
		.where('c.status', '!=', 'closed')
		.orderBy('c.opened_at', 'desc')
		.orderBy('c.id', 'desc')
		.execute();
	// Issue 16: only cases where a talk took place offer a follow-up.
	const allowed = await Promise.all(rows.map((r) => mayBookFollowUp(db, Number(r.id))));
	return rows
		.filter((_, i) => allowed[i])
		.map((r) => ({
			id: Number(r.id),
			officeName: r.office_name,
			officePhone: r.office_phone,
			officeEmail: r.office_email,
			consultantName: r.consultant_name
		}));
}

/** The status of one of my cases; null when the case is not mine (or does not exist). */
export async function myCaseStatus(
	db: Db | Tx,
	creativeId: number,
	caseId: number
): Promise<CaseStatus | null> {
	if (!Number.isSafeInteger(caseId) || caseId <= 0) return null;
	const row = await myCaseQuery(db, creativeId, caseId).select('c.status').executeTakeFirst();
	return row?.status ?? null;
}

/**
 * Issue 16: whether I have an open case at all. Called when no open case offers a follow-up, so an
 * open case here is one without a talk yet — the portal explains that instead of "no accompaniment".
 */
export async function hasOpenCase(db: Db | Tx, creativeId: number): Promise<boolean> {
	const row = await db
		.selectFrom('case_file')
		.select('id')
		.where('creative_id', '=', creativeId)
		.where('status', '!=', 'closed')
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}
