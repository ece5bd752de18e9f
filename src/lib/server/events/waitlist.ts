import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../db/schema';
import { type AuditActor, systemActor } from '../audit/index';
import type { Tx } from '../db/transaction';
import type { Services } from '../runtime';
import { mailRegistrant } from './notify';
import { type EventRecord, loadEvent, loadRegistration, registrationsOf } from './records';
import { auditRegistration } from './registration-audit';
import { freePlaces, offerExpiry, takesPlace, WAITLIST_CONFIRM_MS } from './rules';

/**
 * The capacity protocol (docs/decisions/007-events.md). Every change that takes or frees a place
 * first locks the event's row (`lockEvent`), so registrations, cancellations, offers and jobs
 * for one event run one after another on both databases: SQLite transactions begin IMMEDIATE;
 * on PostgreSQL the row lock makes the next transaction wait, and under READ COMMITTED each of
 * its statements then sees what the previous one committed. Counting places is then exact.
 */
export async function lockEvent(trx: Tx, eventId: number): Promise<boolean> {
	const res = await trx
		.updateTable('event')
		.set((eb) => ({ updated_at: eb.ref('updated_at') }))
		.where('id', '=', eventId)
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

/**
 * The registrations whose claim on a place has lapsed at `t`: the one definition the minute job
 * uses to find events to clean up and expireStale uses to expire them, so the two never disagree.
 */
export function lapsed(eb: ExpressionBuilder<DB, 'event_registration'>, t: number) {
	return eb.or([
		eb.and([eb('status', '=', 'pending'), eb('hold_expires_at', '<=', t)]),
		eb.and([eb('status', '=', 'offered'), eb('offer_expires_at', '<=', t)]),
		eb.and([
			eb('status', '=', 'waitlisted'),
			eb('waitlist_confirmed_at', 'is', null),
			eb('waitlisted_at', '<=', t - WAITLIST_CONFIRM_MS)
		])
	]);
}

/**
 * Holds nobody confirmed and offers nobody took, past their time: they stop taking a place.
 * Waiting-list joins nobody confirmed within 24 h lapse too (issue 16).
 */
async function expireStale(
	trx: Tx,
	services: Pick<Services, 'config'>,
	eventId: number,
	e: EventRecord,
	now: Date
): Promise<void> {
	const t = now.getTime();
	const stale = await trx
		.selectFrom('event_registration')
		.select(['id', 'status'])
		.where('event_id', '=', eventId)
		.where((eb) => lapsed(eb, t))
		.execute();
	for (const r of stale) {
		const res = await trx
			.updateTable('event_registration')
			.set({ status: 'expired', updated_at: t })
			.where('id', '=', Number(r.id))
			.where('status', '=', r.status)
			.executeTakeFirst();
		if (Number(res.numUpdatedRows) !== 1) continue;
		const step =
			r.status === 'pending' ? 'hold_expired' : r.status === 'offered' ? 'offer_expired' : 'waitlist_lapsed';
		await auditRegistration(
			trx,
			systemActor,
			{ id: eventId, officeId: e.officeId },
			Number(r.id),
			step,
			{},
			{ now }
		);
		// Someone who was offered a place should not wonder where it went.
		if (r.status === 'offered') {
			const lapsed = await loadRegistration(trx, Number(r.id));
			if (lapsed?.email) await mailRegistrant(trx, services, 'offerExpired', e, lapsed, now);
		}
		// An unconfirmed waiting-list join gets no mail: the address was never confirmed.
	}
}

/**
 * Expires stale holds and offers, then offers every free place to the next people on the
 * waiting list (first come, first served), each with a deadline. Call with the event locked.
 * Returns the ids that got an offer.
 */
export async function fillFreedPlaces(
	trx: Tx,
	services: Pick<Services, 'config'>,
	eventId: number,
	now: Date,
	actor: AuditActor = systemActor
): Promise<number[]> {
	const e = await loadEvent(trx, eventId);
	if (!e) return [];
	await expireStale(trx, services, eventId, e, now);
	const t = now.getTime();
	// Offers only for a published event that has not begun.
	if (e.status !== 'published' || t >= e.start) return [];
	const regs = await registrationsOf(trx, eventId);
	const occupied = regs.filter((r) => takesPlace(r, t)).length;
	// Issue 16: only waiters who confirmed their join by mail are offered a place.
	const waiting = regs
		.filter((r) => r.status === 'waitlisted' && r.waitlistConfirmedAt !== null)
		.sort((a, b) => (a.waitlistedAt ?? a.createdAt) - (b.waitlistedAt ?? b.createdAt) || a.id - b.id);
	const n = freePlaces(e.capacity, occupied, waiting.length);
	const offered: number[] = [];
	for (const next of waiting.slice(0, n)) {
		const until = offerExpiry(t, e.offerHours, e.start);
		const res = await trx
			.updateTable('event_registration')
			.set({ status: 'offered', offer_expires_at: until, updated_at: t })
			.where('id', '=', next.id)
			.where('status', '=', 'waitlisted')
			.executeTakeFirst();
		if (Number(res.numUpdatedRows) !== 1) continue;
		const r = (await loadRegistration(trx, next.id))!;
		await mailRegistrant(trx, services, 'offer', e, r, now);
		await auditRegistration(
			trx,
			actor,
			{ id: eventId, officeId: e.officeId },
			r.id,
			'offered',
			{ until },
			{ now }
		);
		offered.push(r.id);
	}
	return offered;
}
