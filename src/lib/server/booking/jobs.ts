import { HOUR } from '../../time/durations';
import { systemActor } from '../audit/index';
import { type Db, transact } from '../db/transaction';
import type { Services } from '../runtime';
import { auditBooking, expireStaleHolds, loadBooking } from './commands-shared';
import { mailReminder } from './commands-mails';
import { getBookingSettings } from './settings';

/**
 * Periodic booking work (background.ts runs it in every instance). Both jobs are safe when
 * several instances run them at once: every change is a conditional update that only one
 * instance can win.
 */

/** Unconfirmed holds past their 30 minutes become 'expired'; their slots are free again. */
export async function releaseExpiredHolds(db: Db, now: Date): Promise<number> {
	const ids = await transact(db, (trx) => expireStaleHolds(trx, now));
	return ids.length;
}

/** The longest reminder lead time an office may set (settings allow at most a week). */
const MAX_REMINDER_HOURS = 7 * 24;

/**
 * Sends the reminder `reminderHours` before each confirmed booking, exactly once: the claim
 * (`reminder_sent_at` from null to now, conditional) and the outbox row commit together, so a
 * second instance's claim matches no row, and a crash leaves neither. The outbox dedupe key
 * `booking-reminder-<id>` is a second net.
 */
export async function sendDueReminders(services: Services, now: Date): Promise<number> {
	const { db } = services;
	const t = now.getTime();
	const candidates = await db
		.selectFrom('booking')
		.select(['id', 'office_id', 'start_at'])
		.where('status', '=', 'confirmed')
		.where('reminder_sent_at', 'is', null)
		.where('start_at', '>', t)
		.where('start_at', '<=', t + MAX_REMINDER_HOURS * HOUR)
		.orderBy('start_at')
		.limit(200)
		.execute();
	let sent = 0;
	const settingsByOffice = new Map<number, Awaited<ReturnType<typeof getBookingSettings>>>();
	for (const c of candidates) {
		const officeId = Number(c.office_id);
		let settings = settingsByOffice.get(officeId);
		if (!settings) {
			settings = await getBookingSettings(db, officeId);
			settingsByOffice.set(officeId, settings);
		}
		if (Number(c.start_at) - settings.reminderHours * HOUR > t) continue;
		const id = Number(c.id);
		const claimed = await transact(db, async (trx) => {
			const res = await trx
				.updateTable('booking')
				.set({ reminder_sent_at: t })
				.where('id', '=', id)
				.where('status', '=', 'confirmed')
				.where('reminder_sent_at', 'is', null)
				.executeTakeFirst();
			if (Number(res.numUpdatedRows) !== 1) return false;
			const booking = (await loadBooking(trx, id))!;
			await mailReminder(trx, { services, now, changeNoticeMinutes: settings.changeNoticeMinutes }, booking);
			await auditBooking(trx, { actor: systemActor, now }, booking, 'booking.reminder_sent');
			return true;
		});
		if (claimed) sent++;
	}
	return sent;
}
