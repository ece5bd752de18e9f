import { describe, expect, it } from 'vitest';
import { officeScope } from '../../../../tests/support/case-fixtures';
import { addCase, type CaseFixture } from '../../../../tests/support/checkin-fixtures';
import { testServices } from '../../../../tests/support/test-database';
import { sendMessageAsStaff, setStepReminders } from './commands';
import { myMessagesPage } from './queries';
import { saveMessageSetting } from './settings';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/** Issue 17: the creative's messages page as one read, on a migrated database. */
let s = servicesClosedAfterEach();

const lead = (f: CaseFixture) => ({
	id: f.consultantId,
	email: f.consultantEmail,
	role: 'office_lead' as const
});

describe('myMessagesPage', () => {
	it('each conversation with its office’s answer days, the reminder switch, and the answers read on opening', async () => {
		s = await testServices();
		const f = await addCase(s, { officeKey: 'nw' });
		const sent = await sendMessageAsStaff(s, lead(f), officeScope(f.officeId), {
			caseId: f.caseId,
			body: 'Gern, ich schaue es mir an.',
			idempotencyKey: 'answer-1',
			attachment: null
		});
		expect(sent.ok).toBe(true);
		const first = await myMessagesPage(s.db, f.creativeId, s.clock.now());
		expect(first.reminders).toBe(true);
		expect(first.conversations).toHaveLength(1);
		expect(first.conversations[0]).toMatchObject({ caseId: f.caseId, answerDays: 3, unread: 1 });

		await saveMessageSetting(s, lead(f), f.officeId, { answerDays: 5, reminderDaysBefore: 1, holidays: [] });
		await setStepReminders(s, f.creativeId, false);
		const again = await myMessagesPage(s.db, f.creativeId, s.clock.now());
		expect(again.reminders).toBe(false);
		expect(again.conversations[0]).toMatchObject({ answerDays: 5, unread: 0 });
	});
});
