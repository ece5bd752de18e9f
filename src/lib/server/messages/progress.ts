import type { OfficeScope } from '../access/scope';
import { type CaseActor, caseFor } from '../cases/index';
import type { Db, Tx } from '../db/transaction';
import { myCaseQuery } from '../portal/index';
import { type ProgressMonth, progressMonths } from './progress-rules';

/**
 * Issue 18, item 4: the progress view both sides share — goals, steps done and open over time,
 * talks held (when and how, never the notes), referrals with their outcome, the next contact.
 * The creative's view holds only what the consultant shared with them (the portal plan's rule:
 * a step with shared = 1 whose record shares steps; referrals of records that share them);
 * staff see every step and referral of a case the case rule lets them see.
 */
export interface ProgressView {
	caseId: number;
	name: string;
	officeName: string;
	consultantName: string;
	status: 'open' | 'paused' | 'closed';
	goals: string | null;
	nextContactDueAt: number | null;
	steps: {
		id: number;
		text: string;
		owner: 'creative' | 'consultant';
		dueOn: string | null;
		doneAt: number | null;
	}[];
	talks: { id: number; heldAt: number; kind: 'first' | 'follow_up'; format: string }[];
	referrals: { id: number; organization: string; service: string; status: string; createdAt: number }[];
	months: ProgressMonth[];
}

async function build(
	db: Db | Tx,
	// The case's own facts the view repeats, and when it opened (where the months begin).
	c: Omit<ProgressView, 'caseId' | 'steps' | 'talks' | 'referrals' | 'months'> & {
		id: number;
		openedAt: number;
	},
	sharedOnly: boolean,
	now: Date
): Promise<ProgressView> {
	const { stepRows, talkRows, referralRows } = await progressRows(db, c.id, sharedOnly);
	const stepList = stepRows.map((s) => ({
		id: Number(s.id),
		text: s.text,
		owner: s.owner,
		dueOn: s.due_on,
		doneAt: s.done_at == null ? null : Number(s.done_at),
		createdAt: Number(s.created_at)
	}));
	const talks = talkRows.map((r) => ({
		id: Number(r.id),
		heldAt: Number(r.held_at),
		kind: r.kind,
		format: r.format
	}));
	const refs = referralRows.map((r) => ({
		id: Number(r.id),
		organization: r.organization,
		service: r.service,
		status: r.status,
		createdAt: Number(r.created_at)
	}));
	return {
		caseId: c.id,
		name: c.name,
		officeName: c.officeName,
		consultantName: c.consultantName,
		status: c.status,
		goals: c.goals,
		nextContactDueAt: c.status === 'closed' ? null : c.nextContactDueAt,
		steps: stepList.map(({ createdAt: _, ...s }) => s),
		talks,
		referrals: refs,
		months: progressMonths(
			{
				openedAt: c.openedAt,
				steps: stepList,
				talks: talks.map((t) => t.heldAt),
				referrals: refs.map((r) => r.createdAt)
			},
			now
		)
	};
}

/** The creative's view narrows steps and referrals to what their record shares; talks show either way. */
async function progressRows(db: Db | Tx, caseId: number, sharedOnly: boolean) {
	let steps = db
		.selectFrom('next_step as s')
		.leftJoin('consultation_record as r', 'r.id', 's.record_id')
		.select(['s.id', 's.text', 's.owner', 's.due_on', 's.done_at', 's.created_at'])
		.where('s.case_id', '=', caseId);
	if (sharedOnly)
		steps = steps
			.where('s.shared', '=', 1)
			.where((eb) => eb.or([eb('s.record_id', 'is', null), eb('r.share_steps', '=', 1)]));
	let referrals = db
		.selectFrom('referral as f')
		.leftJoin('consultation_record as r', 'r.id', 'f.record_id')
		.innerJoin('cp_service as sv', 'sv.id', 'f.service_id')
		.innerJoin('cp_organization as og', 'og.id', 'sv.organization_id')
		.select(['f.id', 'f.status', 'f.created_at', 'sv.name as service', 'og.name as organization'])
		.where('f.case_id', '=', caseId);
	if (sharedOnly) referrals = referrals.where('r.share_referrals', '=', 1);
	const [stepRows, talkRows, referralRows] = await Promise.all([
		steps.orderBy('s.created_at').orderBy('s.id').execute(),
		db
			.selectFrom('consultation_record')
			.select(['id', 'held_at', 'kind', 'format'])
			.where('case_id', '=', caseId)
			.orderBy('held_at')
			.execute(),
		referrals.orderBy('f.created_at').orderBy('f.id').execute()
	]);
	return { stepRows, talkRows, referralRows };
}

export async function progressForStaff(
	db: Db,
	actor: CaseActor,
	scope: OfficeScope,
	officeId: number,
	caseId: number,
	now: Date
): Promise<ProgressView | null> {
	const c = await caseFor(db, actor, scope, caseId, officeId);
	return c ? build(db, c, false, now) : null;
}

export async function progressForCreative(
	db: Db,
	creativeId: number,
	caseId: number,
	now: Date
): Promise<ProgressView | null> {
	if (!Number.isSafeInteger(caseId) || caseId <= 0) return null;
	const c = await myCaseQuery(db, creativeId, caseId)
		.select(['c.name', 'c.status', 'c.goals', 'c.next_contact_due_at', 'c.opened_at'])
		.executeTakeFirst();
	if (!c) return null;
	return build(
		db,
		{
			id: Number(c.id),
			name: c.name,
			officeName: c.office_name,
			consultantName: c.consultant_name,
			status: c.status,
			goals: c.goals,
			nextContactDueAt: c.next_contact_due_at == null ? null : Number(c.next_contact_due_at),
			openedAt: Number(c.opened_at)
		},
		true,
		now
	);
}
