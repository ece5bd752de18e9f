import type { OfficeScope } from '../access/scope';
import type { AuditActor } from '../audit/index';
import { recordAudit } from '../audit/index';
import {
	auditActorOf,
	withCase,
	addCaseEvent,
	type CaseActor,
	type CaseRecord,
	loadCase
} from '../cases/index';
import { type Tx, transactNow } from '../db/transaction';
import { type RequestContext, absoluteLink } from '../identity/index';
import { enqueueMail, isDeliverableAddress, type RenderedMail } from '../notifications/index';
import { creativeAuditActor } from '../portal/index';
import type { Services } from '../runtime';
import { auditConversation } from './case-audit';
import { type NoticeRecipient, staffNoticeRecipient } from './staff-notice';
import { creativeNoticeMail, staffNoticeMail } from './mails';
import { type AttachmentType, safeFilename, sniffAttachment } from './rules';

/**
 * Issue 18, item 1: a message in the case. The creative writes from the portal, staff answer
 * from the case page. One transaction: the message (and its file), a timeline entry, the audit
 * row and the other side's notice mail — which never carries the text. The same idempotency
 * key twice gives the first message back (a double submit sends once).
 */
export interface AttachmentInput {
	filename: string;
	bytes: Uint8Array;
}

export interface MessageInput {
	caseId: number;
	body: string;
	idempotencyKey: string;
	attachment: AttachmentInput | null;
}

export type SendResult =
	| { ok: true; messageId: number; caseId: number; duplicate: boolean }
	| { ok: false; reason: 'not_found' | 'closed' | 'attachment_type' | 'attachment_size' };

export const BODY_MAX = 5000;

/** A file that passed the checks, with its safe name and sniffed type. */
type CheckedFile = { filename: string; mime: AttachmentType; bytes: Uint8Array };

/** Checks the file before any transaction: the bytes decide the type, the config the size. */
function checkAttachment(
	a: AttachmentInput | null,
	maxBytes: number
):
	| { ok: true; file: CheckedFile | null }
	| {
			ok: false;
			reason: 'attachment_type' | 'attachment_size';
	  } {
	if (!a || a.bytes.length === 0) return { ok: true, file: null };
	if (a.bytes.length > maxBytes) return { ok: false, reason: 'attachment_size' };
	const mime = sniffAttachment(a.bytes);
	if (!mime) return { ok: false, reason: 'attachment_type' };
	return { ok: true, file: { filename: safeFilename(a.filename, mime), mime, bytes: a.bytes } };
}

const cleanKey = (key: string) => key.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64);

type Author = { kind: 'creative' | 'staff'; id: number };

/**
 * The message row (and its file). The idempotency key is scoped by its author (`c12-…` for a
 * creative, `s7-…` for staff), so two people's keys never meet.
 */
async function insertMessage(
	trx: Tx,
	caseId: number,
	author: Author,
	input: MessageInput,
	file: CheckedFile | null,
	now: Date
): Promise<{ id: number; duplicate: boolean } | null> {
	const t = now.getTime();
	const values = {
		caseId,
		authorKind: author.kind,
		staffId: author.kind === 'staff' ? author.id : null,
		body: input.body,
		key: `${author.kind === 'staff' ? 's' : 'c'}${author.id}-${cleanKey(input.idempotencyKey)}`,
		file
	};
	const inserted = await trx
		.insertInto('case_message')
		.values({
			case_id: values.caseId,
			author_kind: values.authorKind,
			author_staff_id: values.staffId,
			body: values.body,
			idempotency_key: values.key,
			created_at: t,
			read_at: null,
			answered_at: null
		})
		.onConflict((oc) => oc.column('idempotency_key').doNothing())
		.returning('id')
		.executeTakeFirst();
	if (!inserted) {
		const existing = await trx
			.selectFrom('case_message')
			.select(['id', 'case_id'])
			.where('idempotency_key', '=', values.key)
			.executeTakeFirst();
		// A key is scoped by its author (see above), so another case's row means tampering.
		if (!existing || Number(existing.case_id) !== values.caseId) return null;
		return { id: Number(existing.id), duplicate: true };
	}
	const id = Number(inserted.id);
	if (values.file)
		await trx
			.insertInto('case_message_attachment')
			.values({
				message_id: id,
				filename: values.file.filename,
				mime: values.file.mime,
				size: values.file.bytes.length,
				bytes: values.file.bytes,
				created_at: t
			})
			.execute();
	return { id, duplicate: false };
}

/** The creative writes to the office about their case (open or paused; closed cases are read only). */
export async function sendMessageAsCreative(
	services: Services,
	creativeId: number,
	input: MessageInput,
	ctx: RequestContext = {}
): Promise<SendResult> {
	const sender: Sender = { kind: 'creative', id: creativeId, actor: creativeAuditActor(creativeId) };
	const checked = checkAttachment(input.attachment, services.config.attachmentMaxBytes);
	if (!checked.ok) return checked;
	return transactNow(services, async (trx, now) => {
		const c = await loadCase(trx, input.caseId);
		if (!c || c.creativeId !== creativeId || c.creativeErased) return { ok: false, reason: 'not_found' };
		if (c.status === 'closed') return { ok: false, reason: 'closed' };
		return deliver(trx, services, c, sender, { input, file: checked.file }, { now, ctx });
	});
}

/** Who sends: the message's author and the audit actor of their rows. */
type Sender = Author & { actor: AuditActor };

/**
 * Sending once the case is open to the sender: the message (a repeated idempotency key gives the
 * first one back), staff's answer marking the creative's waiting messages, the timeline entry
 * and audit row, and the other side's notice.
 */
async function deliver(
	trx: Tx,
	services: Services,
	c: CaseRecord,
	sender: Sender,
	message: { input: MessageInput; file: CheckedFile | null },
	at: { now: Date; ctx: RequestContext }
): Promise<SendResult> {
	const author: Author = { kind: sender.kind, id: sender.id };
	const m = await insertMessage(trx, c.id, author, message.input, message.file, at.now);
	if (!m) return { ok: false, reason: 'not_found' };
	if (m.duplicate) return { ok: true, messageId: m.id, caseId: c.id, duplicate: true };
	if (author.kind === 'staff') await answerWaitingMessages(trx, c.id, at.now.getTime());
	const sent = { messageId: m.id, attachment: message.file != null };
	await recordSent(trx, c, author, sender.actor, sent, at);
	const notice = author.kind === 'staff' ? noticeToCreative : noticeToStaff;
	await notice(trx, services, c, m.id, at.now);
	return { ok: true, messageId: m.id, caseId: c.id, duplicate: false };
}

/** A sent message's timeline entry and audit row, for either sender: ids and whether a file came, never the text. */
async function recordSent(
	trx: Tx,
	c: CaseRecord,
	author: Author,
	actor: AuditActor,
	sent: { messageId: number; attachment: boolean },
	at: { now: Date; ctx: RequestContext }
): Promise<void> {
	const { messageId, attachment } = sent;
	await addCaseEvent(trx, c.id, 'message', author, at.now, { messageId, from: author.kind, attachment });
	await auditConversation(trx, actor, c, at, 'message.sent', sent);
}

/** The responsible consultant hears of it; if their account is disabled, the office does. */
async function noticeToStaff(trx: Tx, services: Services, c: CaseRecord, messageId: number, now: Date) {
	const row = await trx
		.selectFrom('staff_user as u')
		.select(['u.email', 'u.name', 'u.locale', 'u.disabled_at'])
		.where('u.id', '=', c.consultantId)
		.executeTakeFirst();
	const office = await trx
		.selectFrom('office')
		.select('email')
		.where('id', '=', c.officeId)
		.executeTakeFirst();
	if (!row || !office) return;
	const consultant = { email: row.email, name: row.name, locale: row.locale, disabledAt: row.disabled_at };
	const r = staffNoticeRecipient(consultant, { email: office.email, name: c.officeName });
	if (!r) return;
	const notice = {
		messageId,
		template: 'messages.staff_notice',
		path: `/intern/buero/${c.officeKey}/begleitungen/${c.id}/nachrichten`
	};
	await enqueueMessageNotice(trx, services, c, now, r, notice, (link) =>
		staffNoticeMail(r.locale, { greeting: r.name, link })
	);
}

/**
 * Staff answer (the responsible consultant, leads, network admins: the case rule). Every
 * waiting message of the creative counts as read and answered now.
 */
export async function sendMessageAsStaff(
	services: Services,
	actor: CaseActor,
	scope: OfficeScope,
	input: MessageInput,
	ctx: RequestContext = {}
): Promise<SendResult> {
	const sender: Sender = { kind: 'staff', id: actor.id, actor: auditActorOf(actor) };
	const checked = checkAttachment(input.attachment, services.config.attachmentMaxBytes);
	if (!checked.ok) return checked;
	return withCase(services, actor, scope, input.caseId, { closed: 'refuse' }, async (trx, c, now) => {
		if (c.creativeErased) return { ok: false as const, reason: 'not_found' as const };
		return deliver(trx, services, c, sender, { input, file: checked.file }, { now, ctx });
	});
}

/** Staff wrote back: the creative's waiting messages count as answered and read. */
async function answerWaitingMessages(trx: Tx, caseId: number, t: number): Promise<void> {
	// One statement; coalesce keeps the first answer and first read where there already is one.
	await trx
		.updateTable('case_message')
		.set((eb) => ({
			answered_at: eb.fn.coalesce('answered_at', eb.val(t)),
			read_at: eb.fn.coalesce('read_at', eb.val(t))
		}))
		.where('case_id', '=', caseId)
		.where('author_kind', '=', 'creative')
		.where((eb) => eb.or([eb('answered_at', 'is', null), eb('read_at', 'is', null)]))
		.execute();
	// A written answer is a contact, like a check-in answer: the rhythm's clock restarts.
	await trx
		.updateTable('case_file')
		.set({ last_contact_at: t, updated_at: t })
		.where('id', '=', caseId)
		.execute();
}

/** The creative hears of a staff answer by mail (without its text), if their address takes mail. */
async function noticeToCreative(trx: Tx, services: Services, c: CaseRecord, messageId: number, now: Date) {
	if (!isDeliverableAddress(c.creativeEmail)) return;
	const to = { to: c.creativeEmail, name: c.name, locale: c.creativeLocale };
	const notice = {
		messageId,
		template: 'messages.creative_notice',
		path: `/portal/nachrichten#fall-${c.id}`
	};
	await enqueueMessageNotice(trx, services, c, now, to, notice, (link) =>
		creativeNoticeMail(c.creativeLocale, { name: c.name, office: c.officeName, link })
	);
}

/**
 * Both notices of a message, to either side: one mail per message (its dedupe key), filed under
 * the case and its office, with a link to the conversation at `path` in the recipient's language.
 */
async function enqueueMessageNotice(
	trx: Tx,
	services: Services,
	c: CaseRecord,
	now: Date,
	to: NoticeRecipient,
	notice: { messageId: number; template: string; path: string },
	render: (link: string) => RenderedMail
): Promise<void> {
	const link = absoluteLink(services.config.publicBaseUrl, to.locale, notice.path);
	const mail = {
		to: to.to,
		toName: to.name,
		locale: to.locale,
		template: notice.template,
		mail: render(link)
	};
	const subject = { kind: 'case', id: c.id };
	await enqueueMail(
		trx,
		{ ...mail, dedupeKey: `message-${notice.messageId}`, officeId: c.officeId, subject },
		now
	);
}

/** The creative switches the reminder mails for their own steps on or off (issue 18, item 3). */
export async function setStepReminders(
	services: Services,
	creativeId: number,
	on: boolean,
	ctx: RequestContext = {}
): Promise<void> {
	await transactNow(services, async (trx, now) => {
		await trx
			.updateTable('creative')
			.set({ step_reminders: on ? 1 : 0, updated_at: now.getTime() })
			.where('id', '=', creativeId)
			.execute();
		await recordAudit(
			trx,
			creativeAuditActor(creativeId),
			{
				action: on ? 'portal.step_reminders_on' : 'portal.step_reminders_off',
				subject: { kind: 'creative', id: creativeId }
			},
			{ now, requestId: ctx.requestId }
		);
	});
}
