import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { HOUR, DAY } from '../../time/durations';
import { runMinuteJobs } from '../background';
import { setStepDoneByCreative } from '../cases/steps';
import { addCase, type CaseFixture } from '../../../../tests/support/checkin-fixtures';
import { setStepReminders } from './commands';
import { sendStepReminders } from './jobs';
import { setOfficeMessageSetting } from '../../../../tests/support/message-fixtures';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

// Monday 15 June 2026, 10:00 in Berlin.
const START = '2026-06-15T08:00:00Z';

async function addStep(
	svc: TestServices,
	f: CaseFixture,
	options: { dueOn: string | null; owner?: 'creative' | 'consultant'; shared?: boolean; text?: string }
): Promise<number> {
	const row = await svc.db
		.insertInto('next_step')
		.values({
			case_id: f.caseId,
			record_id: null,
			text: options.text ?? 'Angebot an die KSK schicken',
			owner: options.owner ?? 'creative',
			due_on: options.dueOn,
			shared: options.shared === false ? 0 : 1,
			done_at: null,
			done_by_kind: null,
			created_at: svc.clock.now().getTime()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(row.id);
}

const reminderMails = (svc: TestServices) =>
	svc.db
		.selectFrom('outbox')
		.select(['template', 'to_address', 'subject', 'text_body', 'created_at'])
		.where('template', 'like', 'messages.step_reminder_%')
		.orderBy('id')
		.execute();

describe('step reminders: one a few days before, one on the day', () => {
	it('a step due in 3 days: exactly one reminder on each of the two days, none in between, two instances each day', async () => {
		// Monday 00:00 in Berlin, so each loop below covers one Berlin calendar day.
		s = await testServices({ now: '2026-06-14T22:00:00Z' });
		const f = await addCase(s);
		const stepId = await addStep(s, f, { dueOn: '2026-06-18' });
		const perDay: number[] = [];
		for (let day = 0; day <= 4; day++) {
			// Every hour of the day, two instances run the job at the same moment.
			let sentToday = 0;
			for (let hour = 0; hour < 24; hour += 6) {
				const [a, b] = await Promise.all([sendStepReminders(s), sendStepReminders(s)]);
				sentToday += a + b;
				s.clock.advance(6 * HOUR);
			}
			perDay.push(sentToday);
		}
		expect(perDay).toEqual([1, 0, 0, 1, 0]);
		const mails = await reminderMails(s);
		expect(mails.map((m) => m.template)).toEqual([
			'messages.step_reminder_before',
			'messages.step_reminder_due'
		]);
		expect(mails[0]!.subject).toBe('Erinnerung: Ihr nächster Schritt ist in 3 Tagen fällig');
		expect(mails[1]!.subject).toBe('Erinnerung: Ihr nächster Schritt ist heute fällig');
		for (const m of mails) {
			expect(m.to_address).toBe(f.email);
			expect(m.text_body).toContain(`/portal#schritt-${stepId}`);
			expect(m.text_body).toContain('Angebot an die KSK schicken');
		}
		const rows = await s.db.selectFrom('step_reminder').selectAll().execute();
		expect(rows.map((r) => r.kind).sort()).toEqual(['before', 'due']);
		// Consultants see on the case which reminders went out.
		const events = await s.db
			.selectFrom('case_event')
			.select('data')
			.where('case_id', '=', f.caseId)
			.where('kind', '=', 'step_reminder_sent')
			.execute();
		expect(events.map((e) => JSON.parse(e.data).reminder)).toEqual(['before', 'due']);
	});

	it.each([
		{ label: "the consultant's own step", step: { owner: 'consultant' as const }, mails: 0 },
		{ label: 'a step not shared with the person', step: { shared: false }, mails: 0 },
		{ label: 'a step without a date', step: { dueOn: null }, mails: 0 },
		{ label: "the person's shared dated step", step: {}, mails: 1 }
	])('$label -> $mails', async ({ step, mails }) => {
		s = await testServices({ now: START });
		const f = await addCase(s);
		await addStep(s, f, { dueOn: '2026-06-17', ...step });
		expect(await sendStepReminders(s)).toBe(mails);
	});

	it.each([
		{ label: 'paused case', status: 'paused' as const },
		{ label: 'closed case', status: 'closed' as const }
	])('sends nothing for a $label', async ({ status }) => {
		s = await testServices({ now: START });
		const f = await addCase(s, { status });
		await addStep(s, f, { dueOn: '2026-06-15' });
		expect(await sendStepReminders(s)).toBe(0);
	});

	it('sends nothing once the person switched reminders off or ticked the step off', async () => {
		s = await testServices({ now: START });
		const off = await addCase(s);
		await addStep(s, off, { dueOn: '2026-06-16' });
		await setStepReminders(s, off.creativeId, false);
		const done = await addCase(s);
		const doneStep = await addStep(s, done, { dueOn: '2026-06-16' });
		await setStepDoneByCreative(s, done.creativeId, { stepId: doneStep, done: true });
		expect(await sendStepReminders(s)).toBe(0);
		await setStepReminders(s, off.creativeId, true);
		expect(await sendStepReminders(s)).toBe(1);
	});

	it("follows the office's lead time and runs as one of the minute jobs", async () => {
		s = await testServices({ now: START });
		const f = await addCase(s);
		await setOfficeMessageSetting(s, f.officeId, { answerDays: 3, reminderDaysBefore: 1, holidays: [] });
		await addStep(s, f, { dueOn: '2026-06-17' });
		expect((await runMinuteJobs(s)).stepReminders).toBe(0);
		s.clock.advance(DAY);
		expect((await runMinuteJobs(s)).stepReminders).toBe(1);
		expect((await runMinuteJobs(s)).stepReminders).toBe(0);
		const mails = await reminderMails(s);
		expect(mails[0]!.subject).toBe('Erinnerung: Ihr nächster Schritt ist morgen fällig');
	});
});
