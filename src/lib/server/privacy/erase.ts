import { recordAudit } from '../audit/record';
import { ACTIVE, loadBooking } from '../booking/commands-shared';
import { applyCancel } from '../booking/manage';
import { type Tx, transact } from '../db/transaction';
import { eraseEventRegistrations } from '../events/privacy';
import type { RequestContext } from '../identity/context';
import { endAllSessionsOf } from '../identity/sessions';
import { creativeAuditActor } from '../portal/login';
import { eraseMessages } from '../messages/privacy';
import { eraseVisibility } from '../visibility/privacy';
import type { Services } from '../runtime';

/**
 * "Delete my account" (DOMAIN §11): one transaction that follows the privacy map's erase
 * column for every table holding a creative's data. Statistics survive as anonymous rows:
 * a booking keeps status, office, consultant, format, times, sub-market, stage, Land and topics,
 * and loses everything that names the person.
 */
export const ERASED_ADDRESS = 'erased@invalid';
export const REDACTED = 'erased';

export type EraseResult =
	| { ok: true; bookingsAnonymised: number; bookingsCancelled: number; mailsRedacted: number }
	| { ok: false; reason: 'not_found' };

export async function eraseCreative(
	services: Services,
	creativeId: number,
	ctx: RequestContext = {}
): Promise<EraseResult> {
	const { db, clock } = services;
	const now = clock.now();
	const t = now.getTime();
	const actor = creativeAuditActor(creativeId);
	return transact(db, async (trx) => {
		const me = await trx
			.selectFrom('creative')
			.select(['id', 'email', 'deleted_at'])
			.where('id', '=', creativeId)
			.executeTakeFirst();
		if (!me || me.deleted_at !== null) return { ok: false as const, reason: 'not_found' as const };
		const email = me.email;

		const bookings = await trx
			.selectFrom('booking')
			.select(['id', 'status', 'start_at'])
			.where('email', '=', email)
			.execute();
		const bookingIds = bookings.map((b) => Number(b.id));

		// Future appointments are cancelled first, while the booking still has its name: the
		// consultant's mail says who cancelled.
		let cancelled = 0;
		for (const b of bookings) {
			if (!ACTIVE.includes(b.status) || Number(b.start_at) <= t) continue;
			const record = await loadBooking(trx, Number(b.id));
			if (!record) continue;
			const done = await applyCancel(trx, services, record, {
				by: 'creative',
				reason: null,
				actor,
				now,
				requestId: ctx.requestId
			});
			if (done) cancelled++;
		}

		if (bookingIds.length > 0) {
			await trx
				.updateTable('booking')
				.set({
					name: '',
					email: '',
					phone: null,
					postcode: null,
					concern: '',
					heard_from: null,
					cancel_reason: null,
					confirm_token_hash: null,
					manage_token_hash: null,
					manage_token_expires_at: null,
					idempotency_key: null,
					request_hash: null,
					updated_at: t
				})
				.where('id', 'in', bookingIds)
				.execute();
		}

		// Mails to the person: no address, no content; those not yet sent never will be.
		const redaction = {
			to_name: '',
			subject: REDACTED,
			text_body: '',
			html_body: '',
			ics: null,
			last_error: null
		};
		const mine = await trx
			.updateTable('outbox')
			.set(redaction)
			.set({ to_address: ERASED_ADDRESS })
			.where('to_address', '=', email)
			.executeTakeFirst();
		await trx
			.updateTable('outbox')
			.set({ status: 'dead', last_error: REDACTED, claimed_by: null, claimed_at: null })
			.where('to_address', '=', ERASED_ADDRESS)
			.where('status', '=', 'pending')
			.execute();
		// Mails to staff about my bookings that went out already hold my name and concern.
		// The cancellation notices just written stay until delivered.
		if (bookingIds.length > 0) {
			await trx
				.updateTable('outbox')
				.set(redaction)
				.where('subject_kind', '=', 'booking')
				.where(
					'subject_id',
					'in',
					bookingIds.map((id) => String(id))
				)
				.where('status', 'in', ['sent', 'dead'])
				.execute();
		}

		await eraseCaseContent(trx, creativeId, t);
		// Profile off the public at once, image and reports deleted, introductions without messages.
		await eraseVisibility(trx, creativeId, t);
		// Event registrations: future places given back, then anonymised (statistics stay).
		await eraseEventRegistrations(trx, services, email, actor, now);
		await endAllSessionsOf(trx, 'creative', creativeId);
		await trx
			.deleteFrom('auth_token')
			.where('subject_kind', '=', 'creative')
			.where('subject_id', '=', creativeId)
			.execute();
		// The audit log is append-only: redact, never delete.
		await trx
			.updateTable('audit_event')
			.set({ actor_label: REDACTED })
			.where('actor_kind', '=', 'creative')
			.where('actor_id', '=', creativeId)
			.execute();
		await trx
			.updateTable('creative')
			.set({
				email: `erased-${creativeId}@invalid`,
				email_verified_at: null,
				deleted_at: t,
				updated_at: t
			})
			.where('id', '=', creativeId)
			.execute();
		await trx
			.updateTable('creative')
			.set({ merged_into_id: null })
			.where('merged_into_id', '=', creativeId)
			.execute();
		const result = {
			bookingsAnonymised: bookingIds.length,
			bookingsCancelled: cancelled,
			mailsRedacted: Number(mine.numUpdatedRows)
		};
		await recordAudit(
			trx,
			{ kind: 'creative', id: creativeId, label: REDACTED },
			{ action: 'creative.erased', subject: { kind: 'creative', id: creativeId }, data: result },
			{ now, requestId: ctx.requestId }
		);
		return { ok: true as const, ...result };
	});
}

/**
 * Case files keep what statistics need (office, consultant, status, stage, sub-market, topics,
 * times, closure reason, outcomes of referrals) and lose every word that describes the person.
 */
async function eraseCaseContent(trx: Tx, creativeId: number, t: number): Promise<void> {
	const cases = await trx
		.selectFrom('case_file')
		.select('id')
		.where('creative_id', '=', creativeId)
		.execute();
	const ids = cases.map((c) => Number(c.id));
	if (ids.length === 0) return;
	await eraseMessages(trx, ids);
	await trx
		.updateTable('case_file')
		.set({
			name: '',
			goals: null,
			close_outcome: null,
			feedback_comment: null,
			feedback_token_hash: null,
			feedback_token_expires_at: null,
			notes_consent_version: null,
			updated_at: t
		})
		.where('id', 'in', ids)
		.execute();
	await trx.updateTable('case_event').set({ data: '{}' }).where('case_id', 'in', ids).execute();
	await trx
		.updateTable('consultation_record')
		.set({ situation: null, advice: null, idempotency_key: null, updated_at: t })
		.where('case_id', 'in', ids)
		.execute();
	await trx.updateTable('next_step').set({ text: '' }).where('case_id', 'in', ids).execute();
	const checkIns = await trx.selectFrom('check_in').select('id').where('case_id', 'in', ids).execute();
	for (const c of checkIns) {
		// token_hash is unique and not null: a value no token can hash to.
		await trx
			.updateTable('check_in')
			.set({ changed: null, questions: null, token_hash: `erased-${c.id}` })
			.where('id', '=', c.id)
			.execute();
	}
	await trx
		.updateTable('referral')
		.set({ note: null, token_hash: null, token_expires_at: null, updated_at: t })
		.where('case_id', 'in', ids)
		.execute();
	// Notices to staff about the case ("Rückmeldung von <name>") name the person.
	await trx
		.updateTable('outbox')
		.set({ to_name: '', subject: REDACTED, text_body: '', html_body: '', ics: null, last_error: null })
		.where('subject_kind', '=', 'case')
		.where(
			'subject_id',
			'in',
			ids.map((id) => String(id))
		)
		.execute();
	await trx
		.updateTable('outbox')
		.set({ status: 'dead', last_error: REDACTED, claimed_by: null, claimed_at: null })
		.where('subject_kind', '=', 'case')
		.where('subject', '=', REDACTED)
		.where('status', '=', 'pending')
		.execute();
}
