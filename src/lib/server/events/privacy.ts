import type { AuditActor } from '../audit/index';
import { rowsForIds } from '../db/rows-for-ids';
import type { Db, Tx } from '../db/transaction';
import type { Services } from '../runtime';
import { loadEvent } from './records';
import { auditRegistration } from './registration-audit';
import { ACTIVE_STATUSES } from './rules';
import { fillFreedPlaces, lockEvent } from './waitlist';

/**
 * Event registrations are creatives' personal data, matched by e-mail (privacy/coverage.ts).
 * Export: every registration with my address and my links (without hashes). Erasure: future
 * places given back (the waiting list moves up), then name, e-mail, answers and comment
 * removed; status, attendance, sub-market, rating and times stay as anonymous statistics.
 */
const iso = (v: number | string | null) => (v === null ? null : new Date(Number(v)).toISOString());

export async function exportEventRegistrations(
	db: Db | Tx,
	email: string
): Promise<{
	event_registration: Record<string, unknown>[];
	event_registration_token: Record<string, unknown>[];
}> {
	const rows = await db
		.selectFrom('event_registration as r')
		.innerJoin('event as e', 'e.id', 'r.event_id')
		.selectAll('r')
		.select(['e.title as event_title', 'e.start_at as event_start'])
		.where('r.email', '=', email.trim().toLowerCase())
		.orderBy('r.id')
		.execute();
	const ids = rows.map((r) => Number(r.id));
	const tokens = await rowsForIds(ids, (inIds) =>
		db
			.selectFrom('event_registration_token')
			.select(['registration_id', 'purpose', 'created_at', 'expires_at'])
			.where('registration_id', 'in', inIds)
			.orderBy('id')
			.execute()
	);
	return {
		event_registration: rows.map((r) => ({
			id: Number(r.id),
			event: r.event_title,
			event_start: iso(r.event_start),
			status: r.status,
			attendance: r.attendance,
			name: r.name,
			email: r.email,
			submarket: r.submarket,
			answers: JSON.parse(r.answers) as unknown,
			locale: r.locale,
			consent_processing_version: Number(r.consent_processing_version),
			consented_at: iso(r.consented_at),
			hold_expires_at: iso(r.hold_expires_at),
			offer_expires_at: iso(r.offer_expires_at),
			waitlisted_at: iso(r.waitlisted_at),
			waitlist_confirmed_at: iso(r.waitlist_confirmed_at),
			cancel_reason_key: r.cancel_reason_key,
			confirmed_at: iso(r.confirmed_at),
			cancelled_at: iso(r.cancelled_at),
			cancelled_by: r.cancelled_by,
			reconfirm_sent_at: iso(r.reconfirm_sent_at),
			reconfirmed_at: iso(r.reconfirmed_at),
			reminder_sent_at: iso(r.reminder_sent_at),
			attendance_at: iso(r.attendance_at),
			feedback_rating: r.feedback_rating === null ? null : Number(r.feedback_rating),
			feedback_comment: r.feedback_comment,
			feedback_at: iso(r.feedback_at),
			created_at: iso(r.created_at),
			updated_at: iso(r.updated_at)
		})),
		event_registration_token: tokens.map((t) => ({
			registration_id: Number(t.registration_id),
			purpose: t.purpose,
			created_at: iso(t.created_at),
			expires_at: iso(t.expires_at)
		}))
	};
}

/** In the caller's transaction (privacy/erase.ts). Returns the ids of the registrations anonymised. */
export async function eraseEventRegistrations(
	trx: Tx,
	services: Pick<Services, 'config'>,
	email: string,
	actor: AuditActor,
	now: Date
): Promise<number[]> {
	const t = now.getTime();
	const rows = await trx
		.selectFrom('event_registration as r')
		.innerJoin('event as e', 'e.id', 'r.event_id')
		.select(['r.id', 'r.event_id', 'r.status', 'e.start_at'])
		.where('r.email', '=', email.trim().toLowerCase())
		.execute();
	for (const row of rows) {
		if (!ACTIVE_STATUSES.includes(row.status) || Number(row.start_at) <= t) continue;
		const eventId = Number(row.event_id);
		await lockEvent(trx, eventId);
		await trx
			.updateTable('event_registration')
			.set({
				status: 'cancelled',
				cancelled_at: t,
				cancelled_by: 'erasure',
				hold_expires_at: null,
				offer_expires_at: null,
				updated_at: t
			})
			.where('id', '=', Number(row.id))
			.execute();
		// No mail to the person: erase.ts redacts and stops every mail to the address anyway.
		const e = await loadEvent(trx, eventId);
		await auditRegistration(
			trx,
			actor,
			{ id: eventId, officeId: e?.officeId ?? null },
			Number(row.id),
			'cancelled',
			{ by: 'erasure' },
			{ now }
		);
		await fillFreedPlaces(trx, services, eventId, now);
	}
	const ids = rows.map((r) => Number(r.id));
	await anonymiseRegistrations(trx, ids, t);
	return ids;
}

/**
 * Registrations lose name, e-mail, answers, feedback comment and idempotency data, and their
 * links; status, attendance, sub-market, rating and times stay as anonymous figures. Used by the
 * erasure above and by the retention run (privacy/retention.ts), six months after the event.
 */
export async function anonymiseRegistrations(trx: Tx, ids: readonly number[], t: number): Promise<void> {
	if (ids.length === 0) return;
	await trx
		.updateTable('event_registration')
		.set({
			name: '',
			email: '',
			answers: '[]',
			feedback_comment: null,
			idempotency_key: null,
			request_hash: null,
			updated_at: t
		})
		.where('id', 'in', [...ids])
		.execute();
	await trx
		.deleteFrom('event_registration_token')
		.where('registration_id', 'in', [...ids])
		.execute();
}
