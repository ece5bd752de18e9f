import { addDays, berlinDate } from '../../time/berlin';
import { recordAudit, systemActor } from '../audit/index';
import { addCaseEvent } from '../cases/index';
import { type Db, type Tx, transact } from '../db/transaction';
import { absoluteLink } from '../identity/index';
import { enqueueMail, isDeliverableAddress } from '../notifications/index';
import type { Services } from '../runtime';
import { stepReminderMail } from './mails';
import { daysUntil, type ReminderKind, reminderKindFor } from './rules';
import { messageSettings } from './settings';

/** The furthest lead time an office may set (settings form); bounds the candidate query. */
export const MAX_REMINDER_DAYS = 14;
const BATCH = 200;

/**
 * Issue 18, item 3: the creative's own open next steps (owner creative, shared with them, with
 * a due day) get one reminder `reminder_days_before` days ahead and one on the day. Safe with
 * several instances: the step_reminder row is unique per (step, kind) and inserted with ON
 * CONFLICT DO NOTHING in the same transaction as the mail, the timeline entry and the audit
 * row, so only the instance whose insert wins sends (the outbox dedupe key is a second net).
 * Creatives who switched reminders off, erased or merged people and paused or closed cases get
 * none.
 */
export async function sendStepReminders(services: Services): Promise<number> {
	const { db, clock } = services;
	const now = clock.now();
	const today = berlinDate(now);
	const candidates = await reminderCandidates(db, today);
	if (candidates.length === 0) return 0;
	const settings = await messageSettings(db, [...new Set(candidates.map((c) => Number(c.office_id)))]);
	const sentRows = await db
		.selectFrom('step_reminder')
		.select(['step_id', 'kind'])
		.where(
			'step_id',
			'in',
			candidates.map((c) => Number(c.id))
		)
		.execute();

	let sent = 0;
	for (const cand of candidates) {
		const stepId = Number(cand.id);
		const already = sentRows.filter((r) => Number(r.step_id) === stepId).map((r) => r.kind as ReminderKind);
		const setting = settings.get(Number(cand.office_id))!;
		const kind = reminderKindFor(cand.due_on, today, setting.reminderDaysBefore, already);
		if (!kind) continue;
		if (await remindOfStep(services, { stepId, kind, dueOn: cand.due_on, today, now })) sent++;
	}
	return sent;
}

/** A step with its case and the creative it reminds: where the candidates and the re-read start. */
function stepsWithCreative(db: Db | Tx) {
	return db
		.selectFrom('next_step as s')
		.innerJoin('case_file as c', 'c.id', 's.case_id')
		.innerJoin('creative as cr', 'cr.id', 'c.creative_id');
}

/** Due within the longest lead time an office may set; each office's own setting narrows it later. */
async function reminderCandidates(db: Db, today: string) {
	return stepsWithCreative(db)
		.leftJoin('consultation_record as r', 'r.id', 's.record_id')
		.select(['s.id', 's.due_on', 'c.office_id'])
		.where('s.owner', '=', 'creative')
		.where('s.done_at', 'is', null)
		.where('s.shared', '=', 1)
		.where((eb) => eb.or([eb('s.record_id', 'is', null), eb('r.share_steps', '=', 1)]))
		.where('s.due_on', '>=', today)
		.where('s.due_on', '<=', addDays(today, MAX_REMINDER_DAYS))
		.where('c.status', '=', 'open')
		.where('cr.deleted_at', 'is', null)
		.where('cr.merged_into_id', 'is', null)
		.where('cr.step_reminders', '=', 1)
		.orderBy('s.due_on')
		.limit(BATCH)
		.execute();
}

type Reminder = { stepId: number; kind: ReminderKind; dueOn: string | null; today: string; now: Date };

/** False when the step no longer wants this reminder or another instance sent it first. */
async function remindOfStep(services: Services, reminder: Reminder): Promise<boolean> {
	const { stepId, kind, today, now } = reminder;
	return transact(services.db, async (trx) => {
		const row = await stepToRemind(trx, stepId);
		// Read again inside the transaction: ticked off, moved or switched off meanwhile.
		if (
			!row ||
			row.done_at != null ||
			row.due_on == null ||
			row.due_on !== reminder.dueOn ||
			row.status !== 'open' ||
			row.deleted_at != null ||
			Number(row.step_reminders) !== 1 ||
			!isDeliverableAddress(row.email)
		)
			return false;
		const inserted = await trx
			.insertInto('step_reminder')
			.values({ step_id: stepId, kind, due_on: row.due_on, sent_at: now.getTime() })
			.onConflict((oc) => oc.columns(['step_id', 'kind']).doNothing())
			.returning('id')
			.executeTakeFirst();
		if (!inserted) return false;
		const locale = row.locale === 'en' ? 'en' : 'de';
		const caseId = Number(row.case_id);
		const officeId = Number(row.office_id);
		await enqueueMail(
			trx,
			{
				to: row.email,
				toName: row.name,
				locale,
				template: `messages.step_reminder_${kind}`,
				mail: stepReminderMail(locale, {
					name: row.name,
					step: row.text,
					kind,
					days: daysUntil(today, row.due_on),
					link: absoluteLink(services.config.publicBaseUrl, locale, `/portal#schritt-${stepId}`),
					settingsLink: absoluteLink(
						services.config.publicBaseUrl,
						locale,
						'/portal/nachrichten#erinnerungen'
					)
				}),
				dedupeKey: `step-reminder-${stepId}-${kind}`,
				officeId,
				subject: { kind: 'case', id: caseId }
			},
			now
		);
		await addCaseEvent(trx, caseId, 'step_reminder_sent', { kind: 'system', id: null }, now, {
			stepId,
			reminder: kind
		});
		await recordAudit(
			trx,
			systemActor,
			{
				action: 'step.reminder_sent',
				subject: { kind: 'next_step', id: stepId },
				officeId,
				data: { caseId, kind }
			},
			{ now }
		);
		return true;
	});
}

async function stepToRemind(trx: Tx, stepId: number) {
	return stepsWithCreative(trx)
		.select([
			's.text',
			's.due_on',
			's.done_at',
			'c.id as case_id',
			'c.office_id',
			'c.name',
			'c.status',
			'cr.email',
			'cr.locale',
			'cr.step_reminders',
			'cr.deleted_at'
		])
		.where('s.id', '=', stepId)
		.executeTakeFirst();
}
