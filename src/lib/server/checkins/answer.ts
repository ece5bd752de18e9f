import { addCaseEvent, dueAfterContact, getCaseSettings } from '../cases/index';
import { type Db, type Tx, transact } from '../db/transaction';
import { type RequestContext, absoluteLink } from '../identity/index';
import { staffNoticeRecipient } from '../messages/index';
import { enqueueMail } from '../notifications/index';
import { hashToken, plausibleToken } from '../platform/tokens';
import type { Services } from '../runtime';
import { ANSWER_TEXT_MAX, checkInState, cleanStepIds, parseStepIds } from './checkin-rules';
import { auditCheckIn } from './check-in-audit';
import { creativeActor } from './creative-actor';
import { answerNoticeMail } from './mails';

/**
 * The progress form behind a check-in mail (issue 4, item 4): public, opened by a token, no
 * login. Opening it (GET) changes nothing; the answer is accepted once.
 */
export interface CheckInStep {
	id: number;
	text: string;
	dueOn: string | null;
}

export interface CheckInAnswer {
	answeredAt: number;
	changed: string | null;
	questions: string | null;
	wantsFollowUp: boolean;
	stepsDone: CheckInStep[];
}

export interface CheckInView {
	checkInId: number;
	caseId: number;
	name: string;
	officeName: string;
	consultantName: string;
	expiresAt: number;
	/** Open shared steps the creative owns: the checkboxes. */
	steps: CheckInStep[];
	/** Open shared steps the office owns: shown, not ticked by the creative. */
	officeSteps: CheckInStep[];
}

export type CheckInInspection =
	| { ok: true; state: 'open'; view: CheckInView }
	| { ok: true; state: 'answered'; view: CheckInView; answer: CheckInAnswer }
	| { ok: false; reason: 'invalid' | 'expired' | 'closed' };

async function loadByToken(db: Db | Tx, token: string) {
	return db
		.selectFrom('check_in as k')
		.innerJoin('case_file as c', 'c.id', 'k.case_id')
		.innerJoin('creative as cr', 'cr.id', 'c.creative_id')
		.innerJoin('office as o', 'o.id', 'c.office_id')
		.innerJoin('staff_user as s', 's.id', 'c.consultant_id')
		.select([
			'k.id',
			'k.case_id',
			'k.expires_at',
			'k.answered_at',
			'k.changed',
			'k.questions',
			'k.wants_follow_up',
			'k.steps_done',
			'c.office_id',
			'c.creative_id',
			'c.consultant_id',
			'c.name',
			'c.status',
			'cr.deleted_at',
			'o.key as office_key',
			'o.name as office_name',
			'o.email as office_email',
			's.name as consultant_name',
			's.email as consultant_email',
			's.locale as consultant_locale',
			's.disabled_at as consultant_disabled_at'
		])
		.where('k.token_hash', '=', hashToken(token))
		.executeTakeFirst();
}

/** The office whose keyword list guards the answer's free texts (issue 13, part 5); null for a dead link. */
export async function checkInOfficeId(db: Db | Tx, token: string): Promise<number | null> {
	if (!plausibleToken(token)) return null;
	const row = await loadByToken(db, token);
	return row ? Number(row.office_id) : null;
}

/** For the page the link opens: changes nothing (mail scanners open links too). */
export async function inspectCheckIn(db: Db | Tx, token: string, now: Date): Promise<CheckInInspection> {
	if (!plausibleToken(token)) return { ok: false, reason: 'invalid' };
	const row = await loadByToken(db, token);
	if (!row || row.deleted_at != null) return { ok: false, reason: 'invalid' };
	const expiresAt = Number(row.expires_at);
	const answeredAt = row.answered_at == null ? null : Number(row.answered_at);
	// After the link's life nothing is shown, not even an answer that was given.
	if (expiresAt <= now.getTime()) return { ok: false, reason: 'expired' };
	const caseId = Number(row.case_id);
	const stepRows = await db
		.selectFrom('next_step')
		.select(['id', 'text', 'due_on', 'owner', 'done_at'])
		.where('case_id', '=', caseId)
		.where('shared', '=', 1)
		.orderBy('due_on')
		.orderBy('id')
		.execute();
	const toStep = (s: (typeof stepRows)[number]): CheckInStep => ({
		id: Number(s.id),
		text: s.text,
		dueOn: s.due_on
	});
	const open = stepRows.filter((s) => s.done_at == null);
	const view: CheckInView = {
		checkInId: Number(row.id),
		caseId,
		name: row.name,
		officeName: row.office_name,
		consultantName: row.consultant_name,
		expiresAt,
		steps: open.filter((s) => s.owner === 'creative').map(toStep),
		officeSteps: open.filter((s) => s.owner === 'consultant').map(toStep)
	};
	if (checkInState({ answeredAt, expiresAt }, now.getTime()) === 'answered') {
		const doneIds = new Set(parseStepIds(row.steps_done));
		return {
			ok: true,
			state: 'answered',
			view,
			answer: {
				answeredAt: answeredAt!,
				changed: row.changed,
				questions: row.questions,
				wantsFollowUp: Number(row.wants_follow_up) === 1,
				stepsDone: stepRows.filter((s) => doneIds.has(Number(s.id))).map(toStep)
			}
		};
	}
	if (row.status === 'closed') return { ok: false, reason: 'closed' };
	return { ok: true, state: 'open', view };
}

export interface CheckInInput {
	stepsDone: number[];
	changed: string;
	questions: string;
	wantsFollowUp: boolean;
}

export type AnswerResult =
	| { ok: true; checkInId: number; caseId: number; wantsFollowUp: boolean; stepsDone: number }
	| { ok: false; reason: 'invalid' | 'expired' | 'closed' | 'answered' | 'too_long' };

const clean = (text: string) => {
	const v = text.trim();
	return v === '' ? null : v;
};

/**
 * The form's POST. One transaction: the answer (conditional on answered_at being null, so of two
 * submits exactly one wins), the ticked steps (only open, shared steps of this case that the
 * creative owns), the case's last and next contact, a timeline event, a notice to the
 * consultant (without the answer's content) and an audit row.
 */
export async function answerCheckIn(
	services: Services,
	token: string,
	input: CheckInInput,
	ctx: RequestContext = {}
): Promise<AnswerResult> {
	const { db, clock, config } = services;
	const now = clock.now();
	const t = now.getTime();
	if (!plausibleToken(token)) return { ok: false, reason: 'invalid' };
	const changed = clean(input.changed);
	const questions = clean(input.questions);
	if ((changed?.length ?? 0) > ANSWER_TEXT_MAX || (questions?.length ?? 0) > ANSWER_TEXT_MAX)
		return { ok: false, reason: 'too_long' };
	const ticked = cleanStepIds(input.stepsDone);

	return transact(db, async (trx): Promise<AnswerResult> => {
		const row = await loadByToken(trx, token);
		if (!row || row.deleted_at != null) return { ok: false, reason: 'invalid' };
		if (row.answered_at != null) return { ok: false, reason: 'answered' };
		if (Number(row.expires_at) <= t) return { ok: false, reason: 'expired' };
		if (row.status === 'closed') return { ok: false, reason: 'closed' };
		const checkInId = Number(row.id);
		const caseId = Number(row.case_id);
		const creativeId = Number(row.creative_id);

		if (!(await claimAnswer(trx, checkInId, { changed, questions, wantsFollowUp: input.wantsFollowUp }, t)))
			return { ok: false, reason: 'answered' };
		const doneIds = await tickSteps(trx, { checkInId, caseId }, ticked, t);
		await countAsContact(trx, row, t);
		await addCaseEvent(trx, caseId, 'check_in_answered', { kind: 'creative', id: creativeId }, now, {
			checkInId,
			wantsFollowUp: input.wantsFollowUp,
			stepsDone: doneIds.length
		});
		await noticeOfAnswer(trx, config.publicBaseUrl, row, input.wantsFollowUp, now);
		await auditCheckIn(trx, creativeActor(creativeId), row, { now, ctx }, 'checkin.answered', {
			wantsFollowUp: input.wantsFollowUp,
			stepsDone: doneIds.length
		});
		return { ok: true, checkInId, caseId, wantsFollowUp: input.wantsFollowUp, stepsDone: doneIds.length };
	});
}

type CheckInRow = NonNullable<Awaited<ReturnType<typeof loadByToken>>>;

/** Conditional on answered_at being null, so of two submits exactly one wins. */
async function claimAnswer(
	trx: Tx,
	checkInId: number,
	answer: { changed: string | null; questions: string | null; wantsFollowUp: boolean },
	t: number
): Promise<boolean> {
	const claimed = await trx
		.updateTable('check_in')
		.set({
			answered_at: t,
			changed: answer.changed,
			questions: answer.questions,
			wants_follow_up: answer.wantsFollowUp ? 1 : 0
		})
		.where('id', '=', checkInId)
		.where('answered_at', 'is', null)
		.where('expires_at', '>', t)
		.executeTakeFirst();
	return Number(claimed.numUpdatedRows) === 1;
}

/** Only open, shared steps of this case that the creative owns; the ids really ticked, ascending. */
async function tickSteps(
	trx: Tx,
	ids: { checkInId: number; caseId: number },
	ticked: number[],
	t: number
): Promise<number[]> {
	if (ticked.length === 0) return [];
	const done = await trx
		.updateTable('next_step')
		.set({ done_at: t, done_by_kind: 'creative' })
		.where('case_id', '=', ids.caseId)
		.where('id', 'in', ticked)
		.where('shared', '=', 1)
		.where('owner', '=', 'creative')
		.where('done_at', 'is', null)
		.returning('id')
		.execute();
	const doneIds = done.map((d) => Number(d.id)).sort((a, b) => a - b);
	await trx
		.updateTable('check_in')
		.set({ steps_done: JSON.stringify(doneIds) })
		.where('id', '=', ids.checkInId)
		.execute();
	return doneIds;
}

/** An answer is a contact. A paused case keeps its (absent) rhythm until it is resumed. */
async function countAsContact(trx: Tx, row: CheckInRow, t: number): Promise<void> {
	const settings = await getCaseSettings(trx, Number(row.office_id));
	await trx
		.updateTable('case_file')
		.set(
			row.status === 'open'
				? { last_contact_at: t, next_contact_due_at: dueAfterContact(t, settings), updated_at: t }
				: { last_contact_at: t, updated_at: t }
		)
		.where('id', '=', Number(row.case_id))
		.execute();
}

/**
 * The responsible consultant hears that there is an answer (not its content); if their account
 * is disabled, the office's address does.
 */
async function noticeOfAnswer(
	trx: Tx,
	publicBaseUrl: string,
	row: CheckInRow,
	wantsFollowUp: boolean,
	now: Date
): Promise<void> {
	const caseId = Number(row.case_id);
	const r = staffNoticeRecipient(
		{
			email: row.consultant_email,
			name: row.consultant_name,
			locale: row.consultant_locale,
			disabledAt: row.consultant_disabled_at
		},
		{ email: row.office_email, name: row.office_name }
	);
	if (!r) return;
	await enqueueMail(
		trx,
		{
			to: r.to,
			toName: r.name,
			locale: r.locale,
			template: 'checkins.answered',
			mail: answerNoticeMail(r.locale, {
				name: row.name,
				consultant: r.name,
				wantsFollowUp,
				link: absoluteLink(publicBaseUrl, r.locale, `/intern/buero/${row.office_key}/begleitungen/${caseId}`)
			}),
			dedupeKey: `check-in-answered-${Number(row.id)}`,
			officeId: Number(row.office_id),
			subject: { kind: 'case', id: caseId }
		},
		now
	);
}
