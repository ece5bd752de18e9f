import type { OfficeScope } from '../access/scope';
import { auditActorOf, type CaseActor, type CaseRecord, type CaseRequest, caseFor } from '../cases/index';
import { type Db, type Tx, transact } from '../db/transaction';
import type { RequestContext } from '../identity/index';
import { creativeAuditActor, myCaseQuery, myCasesQuery } from '../portal/index';
import { berlinDate } from '../../time/berlin';
import { auditConversation } from './case-audit';
import { attachmentsOfMessagesQuery, messagesOfCasesQuery } from './message-rows';
import { answerDueDay, isAnswerOverdue } from './rules';
import { messageSetting, messageSettings } from './settings';

/**
 * Issue 18 reads. Staff reach a conversation only through the case rule (caseFor: office in
 * scope, consultants only their own cases), and every staff read writes an audit row — who,
 * when, which case and how many messages, never the text — like the reads of case notes.
 * Opening a conversation marks the other side's messages read (that is what "unread" counts).
 */
export interface AttachmentMeta {
	id: number;
	filename: string;
	mime: string;
	size: number;
}

export interface MessageView {
	id: number;
	authorKind: 'creative' | 'staff';
	authorName: string | null;
	body: string;
	createdAt: number;
	readAt: number | null;
	answeredAt: number | null;
	attachments: AttachmentMeta[];
}

async function messagesOf(db: Db | Tx, caseIds: number[]): Promise<Map<number, MessageView[]>> {
	const out = new Map<number, MessageView[]>();
	if (caseIds.length === 0) return out;
	const rows = await messagesOfCasesQuery(db, caseIds)
		.leftJoin('staff_user as u', 'u.id', 'm.author_staff_id')
		.select('u.name as author_name')
		.orderBy('m.created_at')
		.orderBy('m.id')
		.execute();
	const ids = rows.map((r) => Number(r.id));
	const files = ids.length === 0 ? [] : await attachmentsOfMessagesQuery(db, ids).execute();
	for (const r of rows) {
		const list = out.get(Number(r.case_id)) ?? [];
		list.push({
			id: Number(r.id),
			authorKind: r.author_kind,
			authorName: r.author_name ?? null,
			body: r.body,
			createdAt: Number(r.created_at),
			readAt: r.read_at == null ? null : Number(r.read_at),
			answeredAt: r.answered_at == null ? null : Number(r.answered_at),
			attachments: files
				.filter((f) => Number(f.message_id) === Number(r.id))
				.map((f) => ({ id: Number(f.id), filename: f.filename, mime: f.mime, size: Number(f.size) }))
		});
		out.set(Number(r.case_id), list);
	}
	return out;
}

/** Opening a conversation: the other side's messages it showed unread count as read now. */
async function markRead(trx: Tx, messageIds: number[], now: Date): Promise<void> {
	if (messageIds.length === 0) return;
	await trx
		.updateTable('case_message')
		.set({ read_at: now.getTime() })
		.where('id', 'in', messageIds)
		.execute();
}

/** The staff view of one case's conversation: audited, and the creative's messages count as read. */
export async function readConversationAsStaff(
	db: Db,
	...[actor, scope, officeId, caseId, now, ctx = {}]: CaseRequest
): Promise<{ case: CaseRecord; messages: MessageView[] } | null> {
	return transact(db, async (trx) => {
		const c = await caseFor(trx, actor, scope, caseId, officeId);
		if (!c) return null;
		const messages = (await messagesOf(trx, [c.id])).get(c.id) ?? [];
		const unread = messages.filter((m) => m.authorKind === 'creative' && m.readAt == null).map((m) => m.id);
		await markRead(trx, unread, now);
		if (messages.length > 0)
			await auditConversation(trx, auditActorOf(actor), c, { now, ctx }, 'case.messages_read', {
				messages: messages.length,
				newlyRead: unread.length
			});
		return { case: c, messages };
	});
}

/**
 * The staff conversation page (issue 18, item 1): the audited read above, and for each message
 * of the creative not answered yet the day the office promised an answer by (working days,
 * its holidays) and whether that day has passed. Null when the case is not the actor's.
 */
export async function staffConversation(
	db: Db,
	...[actor, scope, officeId, caseId, now, ctx = {}]: CaseRequest
) {
	const view = await readConversationAsStaff(db, actor, scope, officeId, caseId, now, ctx);
	if (!view) return null;
	const setting = await messageSetting(db, officeId);
	const c = view.case;
	return {
		case: { id: c.id, name: c.name, status: c.status, erased: c.creativeErased },
		messages: view.messages.map((m) => {
			const waiting = m.authorKind === 'creative' && m.answeredAt == null;
			const due = answerDueDay(berlinDate(m.createdAt), setting.answerDays, setting.holidays);
			return { ...m, answerDue: waiting ? due : null, overdue: waiting && berlinDate(now) > due };
		}),
		answerDays: setting.answerDays
	};
}

export interface MyConversation {
	caseId: number;
	officeId: number;
	officeName: string;
	consultantName: string;
	status: 'open' | 'paused' | 'closed';
	messages: MessageView[];
	/** Staff messages I had not read before this page opened. */
	unread: number;
}

/** The creative's conversations, one per case; opening the page marks the office's answers read. */
/** The office of one of the creative's own cases (its keyword list guards the message, issue 13 part 5); null otherwise. */
export async function creativeCaseOffice(db: Db, creativeId: number, caseId: number): Promise<number | null> {
	const row = await myCaseQuery(db, creativeId, caseId).select('c.office_id').executeTakeFirst();
	return row ? Number(row.office_id) : null;
}

export async function readConversationsAsCreative(
	db: Db,
	creativeId: number,
	now: Date
): Promise<MyConversation[]> {
	return transact(db, async (trx) => {
		const cases = await myCasesQuery(trx, creativeId)
			.select(['c.office_id', 'c.status'])
			.orderBy('c.opened_at', 'desc')
			.execute();
		const ids = cases.map((c) => Number(c.id));
		const byCase = await messagesOf(trx, ids);
		const unreadIds = [...byCase.values()]
			.flat()
			.filter((m) => m.authorKind === 'staff' && m.readAt == null)
			.map((m) => m.id);
		await markRead(trx, unreadIds, now);
		return cases.map((c) => {
			const messages = byCase.get(Number(c.id)) ?? [];
			return {
				caseId: Number(c.id),
				officeId: Number(c.office_id),
				officeName: c.office_name,
				consultantName: c.consultant_name,
				status: c.status,
				messages,
				unread: messages.filter((m) => m.authorKind === 'staff' && m.readAt == null).length
			};
		});
	});
}

/**
 * The creative's messages page (issue 17: one read): every conversation with the answer time
 * its office promises, and whether step reminders are on. Reading marks the office's answers read.
 */
export async function myMessagesPage(db: Db, creativeId: number, now: Date) {
	const conversations = await readConversationsAsCreative(db, creativeId, now);
	const settings = await messageSettings(db, [...new Set(conversations.map((c) => c.officeId))]);
	return {
		conversations: conversations.map((c) => ({
			...c,
			answerDays: settings.get(c.officeId)?.answerDays ?? 3
		})),
		reminders: await stepRemindersOn(db, creativeId)
	};
}

/** Whether the creative gets reminder mails for their own steps. */
export async function stepRemindersOn(db: Db | Tx, creativeId: number): Promise<boolean> {
	const row = await db
		.selectFrom('creative')
		.select('step_reminders')
		.where('id', '=', creativeId)
		.executeTakeFirst();
	return Number(row?.step_reminders ?? 1) === 1;
}

/** Unread answers from the office, for the portal's navigation and home page. */
export async function unreadForCreative(db: Db | Tx, creativeId: number): Promise<number> {
	const row = await db
		.selectFrom('case_message as m')
		.innerJoin('case_file as c', 'c.id', 'm.case_id')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('c.creative_id', '=', creativeId)
		.where('m.author_kind', '=', 'staff')
		.where('m.read_at', 'is', null)
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

export interface CaseMessageState {
	unread: number;
	/** Unanswered messages of the creative past the office's promised answer time. */
	overdue: number;
}

/**
 * Per case of a caseload the callers already scoped: unread messages of the creative and how
 * many wait longer than the office promised (working days with its holidays).
 */
export async function messageStateOfCases(
	db: Db | Tx,
	cases: { id: number; officeId: number }[],
	now: Date
): Promise<Map<number, CaseMessageState>> {
	const out = new Map<number, CaseMessageState>();
	if (cases.length === 0) return out;
	const officeOf = new Map(cases.map((c) => [c.id, c.officeId]));
	const rows = await db
		.selectFrom('case_message')
		.select(['case_id', 'created_at', 'read_at', 'answered_at'])
		.where(
			'case_id',
			'in',
			cases.map((c) => c.id)
		)
		.where('author_kind', '=', 'creative')
		.where((eb) => eb.or([eb('read_at', 'is', null), eb('answered_at', 'is', null)]))
		.execute();
	const settings = await messageSettings(db, [...new Set(cases.map((c) => c.officeId))]);
	for (const r of rows) {
		const caseId = Number(r.case_id);
		const s = out.get(caseId) ?? { unread: 0, overdue: 0 };
		if (r.read_at == null) s.unread++;
		const setting = settings.get(officeOf.get(caseId)!)!;
		if (
			r.answered_at == null &&
			isAnswerOverdue({ createdAt: Number(r.created_at), answeredAt: null }, setting, now)
		)
			s.overdue++;
		out.set(caseId, s);
	}
	return out;
}

export interface AttachmentFile {
	filename: string;
	mime: string;
	bytes: Uint8Array;
}

async function attachmentOfCase(db: Db | Tx, caseId: number, attachmentId: number) {
	if (!Number.isSafeInteger(attachmentId) || attachmentId <= 0) return null;
	return db
		.selectFrom('case_message_attachment as a')
		.innerJoin('case_message as m', 'm.id', 'a.message_id')
		.select(['a.id', 'a.filename', 'a.mime', 'a.bytes', 'm.case_id'])
		.where('a.id', '=', attachmentId)
		.where('m.case_id', '=', caseId)
		.executeTakeFirst();
}

/** A file of a conversation for staff: only through the case rule, and audited (never the name). */
export async function attachmentForStaff(
	db: Db,
	actor: CaseActor,
	scope: OfficeScope,
	officeId: number,
	caseId: number,
	attachmentId: number,
	now: Date,
	ctx: RequestContext = {}
): Promise<AttachmentFile | null> {
	const c = await caseFor(db, actor, scope, caseId, officeId);
	if (!c) return null;
	const row = await attachmentOfCase(db, c.id, attachmentId);
	if (!row) return null;
	await auditConversation(db, auditActorOf(actor), c, { now, ctx }, 'case.attachment_read', { attachmentId });
	return { filename: row.filename, mime: row.mime, bytes: row.bytes };
}

/** A file of one of my own conversations. */
export async function attachmentForCreative(
	db: Db,
	creativeId: number,
	attachmentId: number,
	now: Date,
	ctx: RequestContext = {}
): Promise<AttachmentFile | null> {
	if (!Number.isSafeInteger(attachmentId) || attachmentId <= 0) return null;
	const row = await db
		.selectFrom('case_message_attachment as a')
		.innerJoin('case_message as m', 'm.id', 'a.message_id')
		.innerJoin('case_file as c', 'c.id', 'm.case_id')
		.select(['a.filename', 'a.mime', 'a.bytes', 'c.id as case_id', 'c.office_id'])
		.where('a.id', '=', attachmentId)
		.where('c.creative_id', '=', creativeId)
		.executeTakeFirst();
	if (!row) return null;
	const c = { id: Number(row.case_id), officeId: Number(row.office_id) };
	await auditConversation(db, creativeAuditActor(creativeId), c, { now, ctx }, 'portal.attachment_read', {
		attachmentId
	});
	return { filename: row.filename, mime: row.mime, bytes: row.bytes };
}
