import type { Locale } from '../../i18n/locale';
import { describe, expect, it } from 'vitest';
import { type TestServices, TEST_NOW, testServices } from '../../../../tests/support/test-database';
import { DAY, WEEK } from '../../time/durations';
import { answerCheckIn, type CheckInInput, inspectCheckIn } from './answer';
import {
	addCase,
	addConsultant,
	addStep,
	auditRows,
	caseEvents,
	caseRow,
	mails,
	tokenFromMail
} from '../../../../tests/support/checkin-fixtures';
import { sendDueCheckIns } from './send';
import { raceTest } from '../../../../tests/support/race-name';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

const checkInOfCase = (svc: TestServices, caseId: number) =>
	svc.db.selectFrom('check_in').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();

const SECRET_CHANGE = 'Ich habe drei Aufträge bekommen';
const SECRET_QUESTION = 'Wie stelle ich eine Rechnung an Kunden im Ausland?';

async function sentCheckIn(options: { locale?: Locale; consultantLocale?: Locale } = {}) {
	s = await testServices();
	const consultant = await addConsultant(s, 'nw', {
		locale: options.consultantLocale,
		name: 'Bea Beraterin'
	});
	const f = await addCase(s, {
		consultantId: consultant.id,
		consultantEmail: consultant.email,
		nextContactDueAt: TEST_NOW - DAY,
		lastContactAt: TEST_NOW - 5 * WEEK,
		locale: options.locale
	});
	const own = await addStep(s, f.caseId, { text: 'Honorar kalkulieren', dueOn: '2026-06-30' });
	const ownDone = await addStep(s, f.caseId, { text: 'Website aktualisieren', done: true });
	const hidden = await addStep(s, f.caseId, { text: 'Interner Schritt', shared: false });
	const office = await addStep(s, f.caseId, { text: 'Kontakt zur IHK herstellen', owner: 'consultant' });
	const other = await addCase(s, { consultantId: consultant.id, consultantEmail: consultant.email });
	const foreign = await addStep(s, other.caseId, { text: 'Fremder Schritt' });
	expect(await sendDueCheckIns(s)).toBe(1);
	const token = await tokenFromMail(s, 'checkins.check_in', f.email, '/rueckmeldung');
	return { s, f, consultant, token, steps: { own, ownDone, hidden, office, foreign } };
}

const answer = (input: Partial<CheckInInput> = {}): CheckInInput => ({
	stepsDone: [],
	changed: SECRET_CHANGE,
	questions: SECRET_QUESTION,
	wantsFollowUp: true,
	...input
});

async function snapshot(s: TestServices) {
	const tables = ['check_in', 'next_step', 'case_file', 'case_event', 'audit_event', 'outbox'] as const;
	const out: Record<string, unknown> = {};
	for (const t of tables) out[t] = await s.db.selectFrom(t).selectAll().execute();
	return out;
}

describe('inspectCheckIn (the page a GET shows)', () => {
	it('shows office, consultant and the open shared steps, and changes nothing', async () => {
		const { s, f, token, steps } = await sentCheckIn();
		const before = await snapshot(s);
		const r = await inspectCheckIn(s.db, token, s.clock.now());
		expect(r.ok && r.state).toBe('open');
		if (!r.ok) throw new Error('not ok');
		expect(r.view).toMatchObject({
			caseId: f.caseId,
			name: 'Kim Kreativ',
			officeName: 'Regionalbüro Nordrhein-Westfalen',
			consultantName: 'Bea Beraterin',
			expiresAt: TEST_NOW + 30 * DAY
		});
		expect(r.view.steps).toEqual([{ id: steps.own, text: 'Honorar kalkulieren', dueOn: '2026-06-30' }]);
		expect(r.view.officeSteps.map((x) => x.id)).toEqual([steps.office]);
		expect(await snapshot(s)).toEqual(before);
	});

	it.each([
		['a malformed token', 'abc', 'invalid'],
		['an unknown token', 'A'.repeat(43), 'invalid']
	])('refuses %s', async (_label, token, reason) => {
		const { s } = await sentCheckIn();
		expect(await inspectCheckIn(s.db, token, s.clock.now())).toEqual({ ok: false, reason });
	});

	it('refuses after 30 days, and on a closed case', async () => {
		const { s, f, token } = await sentCheckIn();
		await s.db.updateTable('case_file').set({ status: 'closed' }).where('id', '=', f.caseId).execute();
		expect(await inspectCheckIn(s.db, token, s.clock.now())).toEqual({ ok: false, reason: 'closed' });
		s.clock.advance(30 * DAY);
		expect(await inspectCheckIn(s.db, token, s.clock.now())).toEqual({ ok: false, reason: 'expired' });
	});
});

describe('answerCheckIn', () => {
	it('saves the answer, ticks only own open shared steps, moves the rhythm, logs, notifies, audits', async () => {
		const { s, f, consultant, token, steps } = await sentCheckIn();
		s.clock.advance(2 * DAY);
		const t = s.clock.now().getTime();
		const r = await answerCheckIn(
			s,
			token,
			answer({ stepsDone: [steps.own, steps.ownDone, steps.hidden, steps.office, steps.foreign, 999999] }),
			{ requestId: 'req-1' }
		);
		expect(r).toMatchObject({ ok: true, caseId: f.caseId, wantsFollowUp: true, stepsDone: 1 });

		const checkIn = await checkInOfCase(s, f.caseId);
		expect(Number(checkIn.answered_at)).toBe(t);
		expect(checkIn.changed).toBe(SECRET_CHANGE);
		expect(checkIn.questions).toBe(SECRET_QUESTION);
		expect(Number(checkIn.wants_follow_up)).toBe(1);
		expect(JSON.parse(checkIn.steps_done)).toEqual([steps.own]);

		const stepRows = await s.db
			.selectFrom('next_step')
			.select(['id', 'done_at', 'done_by_kind'])
			.orderBy('id')
			.execute();
		const byId = new Map(stepRows.map((x) => [Number(x.id), x]));
		expect(byId.get(steps.own)).toMatchObject({ done_by_kind: 'creative' });
		expect(Number(byId.get(steps.own)!.done_at)).toBe(t);
		expect(byId.get(steps.ownDone)!.done_by_kind).toBe('consultant');
		for (const id of [steps.hidden, steps.office, steps.foreign]) expect(byId.get(id)!.done_at).toBeNull();

		// Default rhythm: next check-in 8 weeks after this contact.
		const c = await caseRow(s, f.caseId);
		expect(Number(c.last_contact_at)).toBe(t);
		expect(Number(c.next_contact_due_at)).toBe(t + 8 * WEEK);

		const events = await caseEvents(s, f.caseId);
		expect(events.at(-1)).toEqual({
			kind: 'check_in_answered',
			actor: 'creative',
			data: { checkInId: Number(checkIn.id), wantsFollowUp: true, stepsDone: 1 }
		});
		expect(JSON.stringify(events)).not.toContain('Aufträge');

		const notice = await mails(s, 'checkins.answered');
		expect(notice).toHaveLength(1);
		expect(notice[0]).toMatchObject({
			to_address: consultant.email,
			locale: 'de',
			subject: 'Rückmeldung von Kim Kreativ'
		});
		expect(notice[0]!.text_body).toContain('wünscht sich ein Folgegespräch');
		expect(notice[0]!.text_body).toContain(`/intern/buero/nw/begleitungen/${f.caseId}`);
		for (const body of [notice[0]!.text_body, notice[0]!.html_body]) {
			expect(body).not.toContain(SECRET_CHANGE);
			expect(body).not.toContain('Rechnung');
			expect(body).not.toContain('Honorar');
		}

		const audit = await auditRows(s, 'checkin.answered');
		expect(audit).toEqual([
			expect.objectContaining({
				actor_kind: 'creative',
				actor_id: f.creativeId,
				subject_id: String(checkIn.id)
			})
		]);
		expect(audit[0]!.data).not.toContain('Aufträge');
	});

	it('follows the office rhythm setting and writes the consultant in English when they read English', async () => {
		const { s, f, token } = await sentCheckIn({ consultantLocale: 'en' });
		await s.db
			.insertInto('office_case_setting')
			.values({ office_id: f.officeId, checkin_interval_weeks: 3, updated_at: TEST_NOW })
			.execute();
		const r = await answerCheckIn(s, token, answer({ wantsFollowUp: false, changed: '', questions: '' }));
		expect(r.ok).toBe(true);
		const c = await caseRow(s, f.caseId);
		expect(Number(c.next_contact_due_at)).toBe(TEST_NOW + 3 * WEEK);
		const notice = (await mails(s, 'checkins.answered'))[0]!;
		expect(notice.subject).toBe('Update from Kim Kreativ');
		expect(notice.text_body).not.toContain('follow-up');
		expect(notice.text_body).toContain(`/en/intern/buero/nw/begleitungen/${f.caseId}`);
		const checkIn = await checkInOfCase(s, f.caseId);
		expect(checkIn.changed).toBeNull();
		expect(Number(checkIn.wants_follow_up)).toBe(0);
	});

	it('answers once: a second submit is refused and changes nothing', async () => {
		const { s, token, steps } = await sentCheckIn();
		expect((await answerCheckIn(s, token, answer())).ok).toBe(true);
		const before = await snapshot(s);
		s.clock.advance(DAY);
		expect(await answerCheckIn(s, token, answer({ changed: 'Nochmal', stepsDone: [steps.own] }))).toEqual({
			ok: false,
			reason: 'answered'
		});
		expect(await snapshot(s)).toEqual(before);
		// The page now shows what was sent.
		const r = await inspectCheckIn(s.db, token, s.clock.now());
		expect(r.ok && r.state).toBe('answered');
		if (r.ok && r.state === 'answered')
			expect(r.answer).toMatchObject({
				changed: SECRET_CHANGE,
				questions: SECRET_QUESTION,
				wantsFollowUp: true,
				answeredAt: TEST_NOW
			});
	});

	it(raceTest('of two parallel submits exactly one wins'), async () => {
		const { s, token, steps } = await sentCheckIn();
		const results = await Promise.all([
			answerCheckIn(s, token, answer({ stepsDone: [steps.own] })),
			answerCheckIn(s, token, answer({ stepsDone: [steps.own] }))
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'answered' }]);
		expect(await mails(s, 'checkins.answered')).toHaveLength(1);
		expect(await auditRows(s, 'checkin.answered')).toHaveLength(1);
	});

	it('refuses an expired link, a closed case, an unknown token and over-long text', async () => {
		const { s, f, token } = await sentCheckIn();
		expect(await answerCheckIn(s, token, answer({ changed: 'x'.repeat(4001) }))).toEqual({
			ok: false,
			reason: 'too_long'
		});
		expect(await answerCheckIn(s, 'B'.repeat(43), answer())).toEqual({ ok: false, reason: 'invalid' });
		await s.db.updateTable('case_file').set({ status: 'closed' }).where('id', '=', f.caseId).execute();
		expect(await answerCheckIn(s, token, answer())).toEqual({ ok: false, reason: 'closed' });
		await s.db.updateTable('case_file').set({ status: 'open' }).where('id', '=', f.caseId).execute();
		s.clock.advance(30 * DAY);
		expect(await answerCheckIn(s, token, answer())).toEqual({ ok: false, reason: 'expired' });
		const checkIn = await checkInOfCase(s, f.caseId);
		expect(checkIn.answered_at).toBeNull();
		expect(await mails(s, 'checkins.answered')).toHaveLength(0);
	});

	it('an answer stops the overdue state: the next run sends nothing until the new due date', async () => {
		const { s, f, token } = await sentCheckIn();
		expect((await answerCheckIn(s, token, answer())).ok).toBe(true);
		s.clock.advance(8 * WEEK - 1);
		expect(await sendDueCheckIns(s)).toBe(0);
		s.clock.advance(1);
		expect(await sendDueCheckIns(s)).toBe(1);
		expect(
			await s.db.selectFrom('check_in').select('id').where('case_id', '=', f.caseId).execute()
		).toHaveLength(2);
	});

	it('on a paused case records the contact but leaves the rhythm alone', async () => {
		const { s, f, token } = await sentCheckIn();
		await s.db.updateTable('case_file').set({ status: 'paused' }).where('id', '=', f.caseId).execute();
		expect((await answerCheckIn(s, token, answer())).ok).toBe(true);
		const c = await caseRow(s, f.caseId);
		expect(Number(c.last_contact_at)).toBe(TEST_NOW);
		expect(Number(c.next_contact_due_at)).toBe(TEST_NOW - DAY);
	});
});
