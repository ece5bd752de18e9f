import type { Tx } from '../db/transaction';
import { endSignInsOf } from '../identity/index';
import { eraseMessages } from '../messages/index';

/**
 * The anonymising steps shared by "delete my account" (erase.ts) and the retention run
 * (retention.ts): what a booking, a case or a mail keeps and what it loses is written once.
 */
export const ERASED_ADDRESS = 'erased@invalid';
export const REDACTED = 'erased';

/** SQLite and PostgreSQL both cap bound parameters; 500 ids per `in` list stays far below. */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

/** Bookings keep status, office, consultant, format, times, Land, sub-market, stage and topics. */
export async function anonymiseBookings(trx: Tx, ids: readonly number[], t: number): Promise<void> {
	for (const part of chunks(ids)) {
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
				video_url: null,
				idempotency_key: null,
				request_hash: null,
				updated_at: t
			})
			.where('id', 'in', part)
			.execute();
	}
}

export const MAIL_REDACTION = {
	to_name: '',
	subject: REDACTED,
	text_body: '',
	html_body: '',
	ics: null,
	last_error: null
} as const;

/**
 * The audit log is append-only: its rows about a person stay, with the actor's label (an
 * address or a name) redacted. The caller narrows this to the rows it means.
 */
export function redactActorLabels(trx: Tx) {
	return trx.updateTable('audit_event').set({ actor_label: REDACTED });
}

/**
 * The redacted mails not yet sent never will be (they have nothing left to say); the caller
 * narrows this to the mails it redacted.
 */
export function stopUnsentMails(trx: Tx) {
	return trx
		.updateTable('outbox')
		.set({ status: 'dead', last_error: REDACTED, claimed_by: null, claimed_at: null })
		.where('status', 'in', ['pending', 'sending']);
}

/**
 * Mails about these subjects (to staff or to the person) lose name, subject, bodies and calendar
 * file; those not yet sent never will be (a mail about an erased person has nothing left to say).
 */
export async function redactMailsAbout(trx: Tx, kind: string, ids: readonly number[]): Promise<number> {
	let n = 0;
	for (const part of chunks(ids.map(String))) {
		const res = await trx
			.updateTable('outbox')
			.set(MAIL_REDACTION)
			.where('subject_kind', '=', kind)
			.where('subject_id', 'in', part)
			.executeTakeFirst();
		n += Number(res.numUpdatedRows);
		await stopUnsentMails(trx).where('subject_kind', '=', kind).where('subject_id', 'in', part).execute();
	}
	return n;
}

/**
 * One step of erasing a case's content. Domains that attach rows to a case (case messages, …)
 * append their step to `caseErasureSteps`; account deletion and the retention of closed cases
 * both run every step, so a new table about a case is erased on both paths by one registration.
 */
export type CaseErasureStep = (trx: Tx, caseIds: readonly number[], t: number) => Promise<void>;

async function eraseCaseRows(trx: Tx, ids: readonly number[], t: number): Promise<void> {
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
	// Bookings of the case: the person's contact data and concern.
	const bookings = await trx.selectFrom('booking').select('id').where('case_id', 'in', ids).execute();
	await anonymiseBookings(
		trx,
		bookings.map((b) => Number(b.id)),
		t
	);
	await redactMailsAbout(
		trx,
		'booking',
		bookings.map((b) => Number(b.id))
	);
	// Notices to staff about the case ("Rückmeldung von <name>") name the person.
	await redactMailsAbout(trx, 'case', ids);
	const checkInIds = checkIns.map((c) => Number(c.id));
	await redactMailsAbout(trx, 'check_in', checkInIds);
	const referrals = await trx.selectFrom('referral').select('id').where('case_id', 'in', ids).execute();
	await redactMailsAbout(
		trx,
		'referral',
		referrals.map((r) => Number(r.id))
	);
}

/** Messages and their files (issue 18) belong to the case: erased with it on both paths. */
const eraseCaseMessages: CaseErasureStep = (trx, ids) => eraseMessages(trx, [...ids]);

export const caseErasureSteps: CaseErasureStep[] = [eraseCaseRows, eraseCaseMessages];

/** Every registered step, for these cases. */
export async function eraseCases(trx: Tx, caseIds: readonly number[], t: number): Promise<void> {
	for (const part of chunks(caseIds)) {
		if (part.length === 0) continue;
		for (const step of caseErasureSteps) await step(trx, part, t);
	}
}

/**
 * A creative's account ends (erased on request, or by retention with no data left): sessions
 * and links go, the address becomes one no mail reaches, the row stays as deleted.
 */
export async function endCreativeAccount(trx: Tx, creativeId: number, t: number): Promise<void> {
	await endSignInsOf(trx, 'creative', creativeId);
	await trx
		.updateTable('creative')
		.set({ email: `erased-${creativeId}@invalid`, email_verified_at: null, deleted_at: t, updated_at: t })
		.where('id', '=', creativeId)
		.execute();
}
