import { DAY } from '../../time/durations';
import { type AuditEntry, recordAudit, systemActor } from '../audit/index';
import { type Db, type Tx, transact } from '../db/transaction';
import type { Services } from '../runtime';
import { mailRegistrant } from './notify';
import { loadEvent, loadRegistration } from './records';
import { auditRegistration } from './registration-audit';
import { dueMail, FOLLOW_UP_AFTER_MS, followUpDue, RECONFIRM_BEFORE_MS } from './rules';
import { fillFreedPlaces, lapsed, lockEvent } from './waitlist';

/**
 * Periodic event work (background.ts runMinuteJobs, every instance). Safe in parallel: each
 * change is a conditional update only one instance wins, the mail commits with it, and the
 * outbox dedupe keys are a second net.
 */

/** The audit row of a change the scheduler made on its own, in the change's transaction. */
function auditJob(trx: Tx, now: Date, entry: AuditEntry) {
	return recordAudit(trx, systemActor, entry, { now });
}

/**
 * Holds past 30 minutes and offers past their deadline free their place; the next person gets an
 * offer. Waiting-list joins unconfirmed for 24 h lapse (issue 16).
 */
export async function releaseLapsedPlaces(services: Services, now: Date): Promise<number> {
	const t = now.getTime();
	const rows = await services.db
		.selectFrom('event_registration')
		.select('event_id')
		.distinct()
		.where((eb) => lapsed(eb, t))
		.execute();
	let offers = 0;
	for (const r of rows) {
		const eventId = Number(r.event_id);
		offers += await transact(services.db, async (trx) => {
			await lockEvent(trx, eventId);
			return (await fillFreedPlaces(trx, services, eventId, now)).length;
		});
	}
	return offers;
}

/** "Kommen Sie noch?" three days before, the reminder one day before; each exactly once. */
export async function sendDueEventMails(services: Services, now: Date): Promise<number> {
	const t = now.getTime();
	const candidates = await services.db
		.selectFrom('event_registration as r')
		.innerJoin('event as e', 'e.id', 'r.event_id')
		.select(['r.id', 'r.confirmed_at', 'r.reconfirm_sent_at', 'r.reminder_sent_at', 'e.start_at'])
		.where('e.status', '=', 'published')
		.where('r.status', '=', 'confirmed')
		.where('e.start_at', '>', t)
		.where('e.start_at', '<=', t + RECONFIRM_BEFORE_MS)
		.where((eb) => eb.or([eb('r.reconfirm_sent_at', 'is', null), eb('r.reminder_sent_at', 'is', null)]))
		.orderBy('e.start_at')
		.limit(500)
		.execute();
	let sent = 0;
	for (const c of candidates) {
		const kind = dueMail(
			{
				confirmedAt: c.confirmed_at === null ? null : Number(c.confirmed_at),
				reconfirmSentAt: c.reconfirm_sent_at === null ? null : Number(c.reconfirm_sent_at),
				reminderSentAt: c.reminder_sent_at === null ? null : Number(c.reminder_sent_at)
			},
			Number(c.start_at),
			t
		);
		if (!kind) continue;
		const id = Number(c.id);
		const column = kind === 'reconfirm' ? 'reconfirm_sent_at' : 'reminder_sent_at';
		const claimed = await transact(services.db, async (trx) => {
			const res = await trx
				.updateTable('event_registration')
				.set({ [column]: t })
				.where('id', '=', id)
				.where('status', '=', 'confirmed')
				.where(column, 'is', null)
				.executeTakeFirst();
			if (Number(res.numUpdatedRows) !== 1) return false;
			const r = (await loadRegistration(trx, id))!;
			const e = (await loadEvent(trx, r.eventId))!;
			await mailRegistrant(trx, services, kind, e, r, now, { dedupe: true });
			await auditRegistration(trx, systemActor, e, id, `${kind}_sent`, {}, { now });
			return true;
		});
		if (claimed) sent++;
	}
	return sent;
}

/** Published events whose end has passed become 'finished'. */
export async function finishPastEvents(db: Db, now: Date): Promise<number> {
	const t = now.getTime();
	const rows = await db
		.selectFrom('event')
		.select(['id', 'office_id'])
		.where('status', '=', 'published')
		.where('end_at', '<=', t)
		.execute();
	let n = 0;
	for (const r of rows) {
		const done = await transact(db, async (trx) => {
			const res = await trx
				.updateTable('event')
				.set({ status: 'finished', finished_at: t, updated_at: t })
				.where('id', '=', Number(r.id))
				.where('status', '=', 'published')
				.executeTakeFirst();
			if (Number(res.numUpdatedRows) !== 1) return false;
			await auditJob(trx, now, {
				action: 'event.finished',
				subject: { kind: 'event', id: Number(r.id) },
				officeId: r.office_id === null ? null : Number(r.office_id)
			});
			return true;
		});
		if (done) n++;
	}
	return n;
}

/**
 * After the event: every confirmed registrant not marked as no-show gets a thank-you (with the
 * materials link when there is one) and a feedback mail (rating and comment). Claimed once per
 * event; events more than a week past are left alone (no late surprises after a restore).
 */
export async function sendFollowUps(services: Services, now: Date): Promise<number> {
	const t = now.getTime();
	const events = await services.db
		.selectFrom('event')
		.select(['id', 'status', 'end_at', 'followup_sent_at'])
		.where('status', 'in', ['published', 'finished'])
		.where('followup_sent_at', 'is', null)
		.where('end_at', '<=', t - FOLLOW_UP_AFTER_MS)
		.where('end_at', '>', t - 7 * DAY)
		.execute();
	let mails = 0;
	for (const row of events) {
		if (!followUpDue({ status: row.status, end: Number(row.end_at), followupSentAt: null }, t)) continue;
		mails += await transact(services.db, async (trx) => {
			const res = await trx
				.updateTable('event')
				.set({ followup_sent_at: t })
				.where('id', '=', Number(row.id))
				.where('followup_sent_at', 'is', null)
				.executeTakeFirst();
			if (Number(res.numUpdatedRows) !== 1) return 0;
			const e = (await loadEvent(trx, Number(row.id)))!;
			const regs = await trx
				.selectFrom('event_registration')
				.select('id')
				.where('event_id', '=', e.id)
				.where('status', '=', 'confirmed')
				.where((eb) => eb.or([eb('attendance', 'is', null), eb('attendance', '=', 'attended')]))
				.execute();
			for (const { id } of regs) {
				const r = (await loadRegistration(trx, Number(id)))!;
				await mailRegistrant(trx, services, 'thanks', e, r, now, { dedupe: true });
				await mailRegistrant(trx, services, 'feedback', e, r, now, { dedupe: true });
			}
			await auditJob(trx, now, {
				action: 'event.follow_up_sent',
				subject: { kind: 'event', id: e.id },
				officeId: e.officeId,
				data: { registrants: regs.length }
			});
			return regs.length * 2;
		});
	}
	return mails;
}

export async function runEventJobs(services: Services, now: Date): Promise<Record<string, number>> {
	return {
		eventOffers: await releaseLapsedPlaces(services, now),
		eventMails: await sendDueEventMails(services, now),
		eventsFinished: await finishPastEvents(services.db, now),
		eventFollowUps: await sendFollowUps(services, now)
	};
}
