import { type OfficeScope, scopeIncludes } from '../access/scope';
import type { CaseStatus } from '../db/schema';
import type { Db, Tx } from '../db/transaction';
import { type CaseActor, seesWholeOffice } from './case-actor';
import { officeDay } from './calendar-day';
import { type DueState, dueState, isStalled } from './rhythm-rules';
import { getCaseSettings } from './settings';

/**
 * Issue 4, item 3: the caseload dashboard. A consultant sees the cases they are responsible
 * for; the office lead (and network admins) the whole office, optionally one consultant's.
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

export interface Caseload {
	rows: CaseloadRow[];
	counts: {
		open: number;
		paused: number;
		due: number;
		overdue: number;
		overdueSteps: number;
		stalled: number;
		answers: number;
	};
	answers: { checkInId: number; caseId: number; name: string; answeredAt: number; wantsFollowUp: boolean }[];
}

export interface CaseloadFilter {
	/** Leads may narrow to one consultant; consultants always see their own. */
	consultantId: number | null;
	/** 'active' = open and paused; 'closed'. */
	state: 'active' | 'closed';
	/** Only rows needing attention: overdue, due, stalled, overdue steps, new answers. */
	attention: boolean;
	q: string | null;
}

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
		answers: []
	};
	if (!scopeIncludes(scope, officeId)) return empty;
	const t = now.getTime();
	const consultantId = seesWholeOffice(actor) ? filter.consultantId : actor.id;
	let query = db
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
		.where('c.office_id', '=', officeId)
		.where('c.status', filter.state === 'closed' ? '=' : '!=', 'closed');
	if (consultantId != null) query = query.where('c.consultant_id', '=', consultantId);
	if (filter.q) query = query.where('c.name', 'like', `%${filter.q.replace(/[%_]/g, '')}%`);
	const cases = await query.orderBy('c.next_contact_due_at').orderBy('c.id').limit(2000).execute();
	const ids = cases.map((c) => Number(c.id));
	const settings = await getCaseSettings(db, officeId);
	const today = officeDay(now);

	const steps = new Map<number, { open: number; overdue: number }>();
	const answers = new Map<number, { count: number; wantsFollowUp: boolean }>();
	const answerList: Caseload['answers'] = [];
	if (ids.length > 0) {
		const stepRows = await db
			.selectFrom('next_step')
			.select(['case_id', 'due_on'])
			.where('case_id', 'in', ids)
			.where('done_at', 'is', null)
			.execute();
		for (const s of stepRows) {
			const entry = steps.get(Number(s.case_id)) ?? { open: 0, overdue: 0 };
			entry.open++;
			if (s.due_on != null && s.due_on < today) entry.overdue++;
			steps.set(Number(s.case_id), entry);
		}
		const answerRows = await db
			.selectFrom('check_in as ci')
			.innerJoin('case_file as c', 'c.id', 'ci.case_id')
			.select(['ci.id', 'ci.case_id', 'ci.answered_at', 'ci.wants_follow_up', 'c.name'])
			.where('ci.case_id', 'in', ids)
			.where('ci.answered_at', 'is not', null)
			.where('ci.seen_at', 'is', null)
			.orderBy('ci.answered_at', 'desc')
			.execute();
		for (const a of answerRows) {
			const entry = answers.get(Number(a.case_id)) ?? { count: 0, wantsFollowUp: false };
			entry.count++;
			entry.wantsFollowUp ||= Number(a.wants_follow_up) === 1;
			answers.set(Number(a.case_id), entry);
			answerList.push({
				checkInId: Number(a.id),
				caseId: Number(a.case_id),
				name: a.name,
				answeredAt: Number(a.answered_at),
				wantsFollowUp: Number(a.wants_follow_up) === 1
			});
		}
	}

	const all: CaseloadRow[] = cases.map((c) => {
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
	});
	const counts = {
		open: all.filter((r) => r.status === 'open').length,
		paused: all.filter((r) => r.status === 'paused').length,
		due: all.filter((r) => r.due === 'due').length,
		overdue: all.filter((r) => r.due === 'overdue').length,
		overdueSteps: all.reduce((n, r) => n + r.overdueSteps, 0),
		stalled: all.filter((r) => r.stalled).length,
		answers: answerList.length
	};
	const needsAttention = (r: CaseloadRow) =>
		r.due === 'overdue' || r.due === 'due' || r.stalled || r.overdueSteps > 0 || r.unseenAnswers > 0;
	return { rows: filter.attention ? all.filter(needsAttention) : all, counts, answers: answerList };
}
