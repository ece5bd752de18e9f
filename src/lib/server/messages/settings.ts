import { recordAudit } from '../audit/index';
import { saveOfficeSettingRow } from '../db/office-setting-row';
import { type Db, type Tx, transact } from '../db/transaction';
import type { RequestContext } from '../identity/index';
import { parseJsonArray } from '../platform/json-array';
import type { Services } from '../runtime';
import { auditActorOf, type CaseActor } from '../cases/index';

/**
 * An office's promise to creatives who write (issue 18, item 2): answers within N working days
 * (Monday to Friday, not on the office's holidays), and how many days before a step's due day
 * the creative is reminded (item 3). Offices without a row get the defaults.
 */
export interface MessageSetting {
	answerDays: number;
	reminderDaysBefore: number;
	/** Berlin calendar days 'YYYY-MM-DD', sorted. */
	holidays: string[];
}

export const DEFAULT_MESSAGE_SETTING: MessageSetting = { answerDays: 3, reminderDaysBefore: 3, holidays: [] };

const parseDays = (text: string) => parseJsonArray(text, (d): d is string => typeof d === 'string');

export async function messageSettings(
	db: Db | Tx,
	officeIds: number[]
): Promise<Map<number, MessageSetting>> {
	const out = new Map<number, MessageSetting>();
	for (const id of officeIds) out.set(id, { ...DEFAULT_MESSAGE_SETTING });
	if (officeIds.length === 0) return out;
	const rows = await db
		.selectFrom('office_message_setting')
		.selectAll()
		.where('office_id', 'in', officeIds)
		.execute();
	for (const r of rows)
		out.set(Number(r.office_id), {
			answerDays: Number(r.answer_days),
			reminderDaysBefore: Number(r.reminder_days_before),
			holidays: parseDays(r.holidays)
		});
	return out;
}

export async function messageSetting(db: Db | Tx, officeId: number): Promise<MessageSetting> {
	return (await messageSettings(db, [officeId])).get(officeId)!;
}

/** Leads and network admins only (the route's gate asks for office_lead). */
export async function saveMessageSetting(
	services: Services,
	actor: CaseActor,
	officeId: number,
	setting: MessageSetting,
	ctx: RequestContext = {}
): Promise<{ ok: true } | { ok: false; reason: 'forbidden' }> {
	if (actor.role === 'consultant') return { ok: false, reason: 'forbidden' };
	const now = services.clock.now();
	const values = {
		answer_days: setting.answerDays,
		reminder_days_before: setting.reminderDaysBefore,
		holidays: JSON.stringify(setting.holidays),
		updated_at: now.getTime()
	};
	await transact(services.db, async (trx) => {
		await saveOfficeSettingRow(trx, 'office_message_setting', officeId, values);
		await recordAudit(
			trx,
			auditActorOf(actor),
			{
				action: 'office.message_settings_changed',
				subject: { kind: 'office', id: officeId },
				officeId,
				data: {
					answerDays: setting.answerDays,
					reminderDaysBefore: setting.reminderDaysBefore,
					holidays: setting.holidays.length
				}
			},
			{ now, requestId: ctx.requestId }
		);
	});
	return { ok: true };
}
