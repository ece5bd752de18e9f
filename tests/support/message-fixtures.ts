import type { MessageSetting } from '../../src/lib/server/messages/settings';
import type { TestServices } from './test-database';

/**
 * Helpers for the messages tests (imported by *.test.ts only): an office's answer-time and
 * reminder setting written straight into the test database, without the audit row the settings
 * form would add, so a test's audit counts stay its own.
 */
export async function setOfficeMessageSetting(s: TestServices, officeId: number, setting: MessageSetting) {
	await s.db
		.insertInto('office_message_setting')
		.values({
			office_id: officeId,
			answer_days: setting.answerDays,
			reminder_days_before: setting.reminderDaysBefore,
			holidays: JSON.stringify(setting.holidays),
			updated_at: 0
		})
		.execute();
}
