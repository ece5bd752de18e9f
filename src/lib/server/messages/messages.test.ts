import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { handOverCase } from '../cases/case-commands';
import type { CaseActor } from '../cases/case-actor';
import { officeScope } from '../../../../tests/support/case-fixtures';
import { caseTimeline } from '../cases/timeline';
import { addCase, addConsultant, type CaseFixture } from '../../../../tests/support/checkin-fixtures';
import { eraseCreative } from '../privacy/erase';
import { exportCreative } from '../privacy/export';
import { type MessageInput, sendMessageAsCreative, sendMessageAsStaff } from './commands';
import {
	attachmentForCreative,
	attachmentForStaff,
	messageStateOfCases,
	readConversationAsStaff,
	readConversationsAsCreative,
	staffConversation,
	unreadForCreative
} from './queries';
import { answerTimesByOffice } from './stats';
import { DAY } from '../../time/durations';
import { setOfficeMessageSetting } from '../../../../tests/support/message-fixtures';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

/** Every column of the audit rows of one action: the tests look for secrets in all of them. */
const auditEvents = (action: string) =>
	s!.db.selectFrom('audit_event').selectAll().where('action', '=', action).execute();

const SECRET = 'Reicht mein Angebot so für die KSK? Geheimer Satz 4711.';
const PDF = new TextEncoder().encode('%PDF-1.4\nGeheime PDF-Bytes 0815\n%%EOF');

const consultantOf = (f: CaseFixture): CaseActor => ({
	id: f.consultantId,
	email: f.consultantEmail,
	role: 'consultant'
});
const input = (f: CaseFixture, over: Partial<MessageInput> = {}): MessageInput => ({
	caseId: f.caseId,
	body: SECRET,
	idempotencyKey: `key-${Math.random().toString(36).slice(2)}`,
	attachment: null,
	...over
});
const outbox = (svc: TestServices, template: string) =>
	svc.db.selectFrom('outbox').selectAll().where('template', '=', template).orderBy('id').execute();

describe('a message from the creative', () => {
	it('is stored with its file, on the timeline, audited, and the consultant is mailed without the text', async () => {
		s = await testServices();
		const f = await addCase(s, { officeKey: 'nw' });
		const r = await sendMessageAsCreative(
			s,
			f.creativeId,
			input(f, { attachment: { filename: 'Angebot.pdf', bytes: PDF } })
		);
		expect(r).toMatchObject({ ok: true, duplicate: false });
		const files = await s.db.selectFrom('case_message_attachment').selectAll().execute();
		expect(files).toHaveLength(1);
		expect(files[0]).toMatchObject({ filename: 'Angebot.pdf', mime: 'application/pdf', size: PDF.length });
		const mails = await outbox(s, 'messages.staff_notice');
		expect(mails).toHaveLength(1);
		expect(mails[0]!.to_address).toBe(f.consultantEmail);
		expect(mails[0]!.subject).toBe('Neue Nachricht in einer Begleitung');
		for (const part of [mails[0]!.subject, mails[0]!.text_body, mails[0]!.html_body]) {
			expect(part).not.toContain('Geheimer Satz');
			expect(part).not.toContain('Angebot.pdf');
		}
		expect(mails[0]!.text_body).toContain(`/intern/buero/nw/begleitungen/${f.caseId}/nachrichten`);
		const events = await s.db.selectFrom('case_event').selectAll().where('kind', '=', 'message').execute();
		expect(events).toHaveLength(1);
		expect(events[0]!.data).not.toContain('Geheim');
		const audit = await auditEvents('message.sent');
		expect(audit).toHaveLength(1);
		expect(JSON.stringify(audit)).not.toContain('Geheim');
		const timeline = await caseTimeline(s.db, f.caseId, { creativeEmail: f.email, officeId: f.officeId });
		expect(timeline.some((e) => e.kind === 'case_event' && e.event === 'message')).toBe(true);
		expect(JSON.stringify(timeline)).not.toContain('Geheim');
	});

	it('the same idempotency key twice stores one message and sends one mail', async () => {
		s = await testServices();
		const f = await addCase(s);
		const once = input(f, { idempotencyKey: 'double-submit-1' });
		const [a, b] = [
			await sendMessageAsCreative(s, f.creativeId, once),
			await sendMessageAsCreative(s, f.creativeId, once)
		];
		expect(a.ok && b.ok && a.messageId === b.messageId).toBe(true);
		expect(b).toMatchObject({ duplicate: true });
		expect(await s.db.selectFrom('case_message').select('id').execute()).toHaveLength(1);
		expect(await outbox(s, 'messages.staff_notice')).toHaveLength(1);
	});

	it.each([
		{
			label: 'HTML named .pdf',
			file: { filename: 'x.pdf', bytes: new TextEncoder().encode('<html>') },
			reason: 'attachment_type'
		},
		{
			label: 'too large',
			file: { filename: 'x.pdf', bytes: new Uint8Array(2 * 1024 * 1024 + 1).fill(0x25) },
			reason: 'attachment_size'
		}
	])('refuses a file: $label', async ({ file, reason }) => {
		s = await testServices({ env: { ATTACHMENT_MAX_MB: '2' } });
		const f = await addCase(s);
		expect(await sendMessageAsCreative(s, f.creativeId, input(f, { attachment: file }))).toEqual({
			ok: false,
			reason
		});
		expect(await s.db.selectFrom('case_message').select('id').execute()).toHaveLength(0);
	});

	it("refuses another person's case and closed cases", async () => {
		s = await testServices();
		const f = await addCase(s);
		const other = await addCase(s);
		expect(await sendMessageAsCreative(s, other.creativeId, input(f))).toEqual({
			ok: false,
			reason: 'not_found'
		});
		const closed = await addCase(s, { status: 'closed' });
		expect(await sendMessageAsCreative(s, closed.creativeId, input(closed))).toEqual({
			ok: false,
			reason: 'closed'
		});
	});
});

describe('staff read and answer', () => {
	it('reading is audited without the text and marks read; the answer mails the creative with a portal link', async () => {
		s = await testServices();
		const f = await addCase(s);
		await sendMessageAsCreative(
			s,
			f.creativeId,
			input(f, { attachment: { filename: 'Angebot.pdf', bytes: PDF } })
		);
		const me = consultantOf(f);
		const scope = officeScope(f.officeId);
		const before = await messageStateOfCases(s.db, [{ id: f.caseId, officeId: f.officeId }], s.clock.now());
		expect(before.get(f.caseId)).toEqual({ unread: 1, overdue: 0 });

		const view = await readConversationAsStaff(s.db, me, scope, f.officeId, f.caseId, s.clock.now());
		expect(view?.messages.map((m) => m.body)).toEqual([SECRET]);
		const read = await auditEvents('case.messages_read');
		expect(read).toHaveLength(1);
		expect(read[0]).toMatchObject({ actor_id: f.consultantId, subject_id: String(f.caseId) });
		expect(JSON.stringify(read)).not.toContain('Geheim');
		const after = await messageStateOfCases(s.db, [{ id: f.caseId, officeId: f.officeId }], s.clock.now());
		expect(after.get(f.caseId)).toEqual({ unread: 0, overdue: 0 });

		const fileId = view!.messages[0]!.attachments[0]!.id;
		const file = await attachmentForStaff(s.db, me, scope, f.officeId, f.caseId, fileId, s.clock.now());
		expect(Buffer.from(file!.bytes).equals(Buffer.from(PDF))).toBe(true);

		const answer = await sendMessageAsStaff(s, me, scope, input(f, { body: 'Ja, das reicht.' }));
		expect(answer.ok).toBe(true);
		const mails = await outbox(s, 'messages.creative_notice');
		expect(mails).toHaveLength(1);
		expect(mails[0]!.to_address).toBe(f.email);
		expect(mails[0]!.text_body).toContain('/portal/nachrichten');
		expect(mails[0]!.text_body).not.toContain('Ja, das reicht');
		expect(await unreadForCreative(s.db, f.creativeId)).toBe(1);
		const mine = await readConversationsAsCreative(s.db, f.creativeId, s.clock.now());
		expect(mine[0]!.messages.map((m) => m.authorKind)).toEqual(['creative', 'staff']);
		expect(mine[0]!.unread).toBe(1);
		expect(await unreadForCreative(s.db, f.creativeId)).toBe(0);
		const answered = await s.db
			.selectFrom('case_message')
			.select('answered_at')
			.where('author_kind', '=', 'creative')
			.executeTakeFirstOrThrow();
		expect(Number(answered.answered_at)).toBe(s.clock.now().getTime());
	});

	it('a colleague without the case and another office see nothing; after a hand-over the colleague does', async () => {
		s = await testServices();
		const f = await addCase(s, { officeKey: 'nw' });
		await sendMessageAsCreative(s, f.creativeId, input(f, { attachment: { filename: 'a.pdf', bytes: PDF } }));
		const fileId = Number(
			(await s.db.selectFrom('case_message_attachment').select('id').executeTakeFirstOrThrow()).id
		);
		const colleagueRow = await addConsultant(s, 'nw');
		const colleague: CaseActor = { id: colleagueRow.id, email: colleagueRow.email, role: 'consultant' };
		const otherRow = await addConsultant(s, 'by', { role: 'office_lead' });
		const otherLead: CaseActor = { id: otherRow.id, email: otherRow.email, role: 'office_lead' };
		const nw = officeScope(f.officeId);
		const by = officeScope(
			Number(
				(await s.db.selectFrom('office').select('id').where('key', '=', 'by').executeTakeFirstOrThrow()).id
			)
		);
		const now = s.clock.now();

		expect(await readConversationAsStaff(s.db, colleague, nw, f.officeId, f.caseId, now)).toBeNull();
		expect(await attachmentForStaff(s.db, colleague, nw, f.officeId, f.caseId, fileId, now)).toBeNull();
		expect(await readConversationAsStaff(s.db, otherLead, by, f.officeId, f.caseId, now)).toBeNull();
		expect(await attachmentForStaff(s.db, otherLead, by, f.officeId, f.caseId, fileId, now)).toBeNull();
		expect((await sendMessageAsStaff(s, colleague, nw, input(f))).ok).toBe(false);
		// The office lead sees the office's conversations.
		const leadRow = await addConsultant(s, 'nw', { role: 'office_lead' });
		const lead: CaseActor = { id: leadRow.id, email: leadRow.email, role: 'office_lead' };
		expect(await readConversationAsStaff(s.db, lead, nw, f.officeId, f.caseId, now)).not.toBeNull();

		const handed = await handOverCase(s, consultantOf(f), nw, {
			caseId: f.caseId,
			toConsultantId: colleague.id,
			note: null
		});
		expect(handed.ok).toBe(true);
		const view = await readConversationAsStaff(s.db, colleague, nw, f.officeId, f.caseId, now);
		expect(view?.messages).toHaveLength(1);
		expect(await attachmentForStaff(s.db, colleague, nw, f.officeId, f.caseId, fileId, now)).not.toBeNull();
		expect(await readConversationAsStaff(s.db, consultantOf(f), nw, f.officeId, f.caseId, now)).toBeNull();
		// The next message goes to the new consultant.
		await sendMessageAsCreative(s, f.creativeId, input(f));
		const notices = await outbox(s, 'messages.staff_notice');
		expect(notices.at(-1)!.to_address).toBe(colleague.email);
	});

	it('a message waiting longer than the promised working days counts as overdue', async () => {
		s = await testServices({ now: '2026-06-19T10:00:00Z' }); // Friday
		const f = await addCase(s);
		await setOfficeMessageSetting(s, f.officeId, {
			answerDays: 2,
			reminderDaysBefore: 3,
			holidays: ['2026-06-22']
		});
		await sendMessageAsCreative(s, f.creativeId, input(f));
		const state = async () =>
			(await messageStateOfCases(s!.db, [{ id: f.caseId, officeId: f.officeId }], s!.clock.now())).get(
				f.caseId
			);
		s.clock.set('2026-06-24T20:00:00Z'); // Wednesday 22:00 in Berlin: Monday is a holiday, so 2 working days end on Wednesday
		expect(await state()).toEqual({ unread: 1, overdue: 0 });
		s.clock.set('2026-06-24T22:30:00Z'); // Thursday in Berlin
		expect(await state()).toEqual({ unread: 1, overdue: 1 });
	});
});

describe('privacy: export and erasure', () => {
	it("exports the person's messages and files and nobody else's; erasure removes texts and bytes", async () => {
		s = await testServices();
		const f = await addCase(s);
		const other = await addCase(s);
		await sendMessageAsCreative(s, f.creativeId, input(f, { attachment: { filename: 'a.pdf', bytes: PDF } }));
		await sendMessageAsCreative(s, other.creativeId, input(other, { body: 'Fremde Nachricht 999' }));
		await sendMessageAsStaff(s, consultantOf(f), officeScope(f.officeId), input(f, { body: 'Antwort 123' }));

		const exported = await exportCreative(s.db, f.creativeId, s.clock.now());
		expect(exported!.case_message.map((m) => m.body)).toEqual([SECRET, 'Antwort 123']);
		expect(exported!.case_message_attachment).toHaveLength(1);
		expect(
			Buffer.from(String(exported!.case_message_attachment[0]!.base64), 'base64').equals(Buffer.from(PDF))
		).toBe(true);
		expect(JSON.stringify(exported)).not.toContain('Fremde Nachricht');

		const fileId = Number(
			(await s.db.selectFrom('case_message_attachment').select('id').executeTakeFirstOrThrow()).id
		);
		expect((await eraseCreative(s, f.creativeId)).ok).toBe(true);
		const rows = await s.db.selectFrom('case_message').selectAll().execute();
		const dump = JSON.stringify(rows);
		expect(dump).not.toContain('Geheimer Satz');
		expect(dump).not.toContain('Antwort 123');
		expect(dump).toContain('Fremde Nachricht 999');
		expect(await s.db.selectFrom('case_message_attachment').select('id').execute()).toHaveLength(0);
		expect(await attachmentForCreative(s.db, f.creativeId, fileId, s.clock.now())).toBeNull();
		// Raw bytes: no column of any message-related table still holds the text or the file.
		for (const table of [
			'case_message',
			'case_message_attachment',
			'case_event',
			'audit_event',
			'outbox'
		] as const) {
			const all = await s.db.selectFrom(table).selectAll().execute();
			// Bytes as text (Buffer.toJSON would hide them as number arrays).
			const raw = all
				.map((row) =>
					Object.values(row)
						.map((v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : String(v)))
						.join('|')
				)
				.join('\n');
			expect(raw, table).not.toContain('Geheimer Satz');
			expect(raw, table).not.toContain('Geheime PDF-Bytes');
		}
	});
});

describe('answer times per office (statistics)', () => {
	it('median hours per office in the period, overdue now; another office is refused', async () => {
		s = await testServices({ now: '2026-06-15T08:00:00Z' });
		const f = await addCase(s, { officeKey: 'nw' });
		const scope = officeScope(f.officeId);
		for (const hours of [2, 4, 30]) {
			await sendMessageAsCreative(s, f.creativeId, input(f));
			s.clock.advance(hours * 3_600_000);
			await sendMessageAsStaff(s, consultantOf(f), scope, input(f, { body: 'Antwort' }));
		}
		await sendMessageAsCreative(s, f.creativeId, input(f));
		s.clock.set('2026-06-30T08:00:00Z');
		const rows = await answerTimesByOffice(
			s.db,
			scope,
			{ from: '2026-06', to: '2026-06', officeId: f.officeId },
			s.clock.now()
		);
		expect(rows).toEqual([
			{ officeId: f.officeId, officeName: expect.any(String), answered: 3, medianHours: 4, overdueNow: 1 }
		]);
		const july = await answerTimesByOffice(
			s.db,
			scope,
			{ from: '2026-07', to: '2026-07', officeId: f.officeId },
			s.clock.now()
		);
		expect(july![0]).toMatchObject({ answered: 0, medianHours: null });
		const by = Number(
			(await s.db.selectFrom('office').select('id').where('key', '=', 'by').executeTakeFirstOrThrow()).id
		);
		expect(
			await answerTimesByOffice(s.db, scope, { from: '2026-06', to: '2026-06', officeId: by }, s.clock.now())
		).toBeNull();
	});
});

describe('the staff conversation page (issue 17)', () => {
	it('shows when each unanswered message of the creative is due and whether it is overdue', async () => {
		s = await testServices();
		const f = await addCase(s, { officeKey: 'nw' });
		const scope = officeScope(f.officeId);
		expect((await sendMessageAsCreative(s, f.creativeId, input(f))).ok).toBe(true);
		const read = () => staffConversation(s!.db, consultantOf(f), scope, f.officeId, f.caseId, s!.clock.now());

		const fresh = (await read())!;
		expect(fresh.case).toEqual({ id: f.caseId, name: 'Kim Kreativ', status: 'open', erased: false });
		expect(fresh.answerDays).toBeGreaterThan(0);
		expect(fresh.messages).toEqual([
			expect.objectContaining({
				authorKind: 'creative',
				answerDue: expect.stringMatching(/^2026-06-/),
				overdue: false
			})
		]);
		s.clock.advance(14 * DAY);
		expect((await read())!.messages[0]).toMatchObject({ overdue: true });
		expect((await sendMessageAsStaff(s, consultantOf(f), scope, input(f, { body: 'Ja.' }))).ok).toBe(true);
		expect((await read())!.messages.map((m) => [m.authorKind, m.answerDue, m.overdue])).toEqual([
			['creative', null, false],
			['staff', null, false]
		]);

		const colleague = await addConsultant(s, 'nw');
		const other = { id: colleague.id, email: colleague.email, role: 'consultant' as const };
		expect(await staffConversation(s.db, other, scope, f.officeId, f.caseId, s.clock.now())).toBeNull();
	});
});
