import { type AuditActor, recordAudit } from '../audit/index';
import type { BookingStatus } from '../db/schema';
import {
	ACTIVE,
	loadBooking,
	mailBooking,
	mailConsultant,
	applyCancel,
	getBookingSettings
} from '../booking/index';
import { translate } from '../../i18n/messages';
import { checkpointWal } from '../db/client';
import { type Tx, transactNow } from '../db/transaction';
import {
	anonymiseBookings,
	endCreativeAccount,
	ERASED_ADDRESS,
	eraseCases,
	MAIL_REDACTION,
	redactActorLabels,
	stopUnsentMails,
	REDACTED,
	redactMailsAbout
} from './anonymise';
import { redactMailsNaming } from './outbox-scrub';
import { eraseEventRegistrations } from '../events/index';
import type { RequestContext } from '../identity/index';
import { creativeAuditActor } from '../portal/index';
import { eraseVisibility } from '../visibility/index';
import type { Services } from '../runtime';

/**
 * "Delete my account" (DOMAIN §11): one transaction that follows the privacy map's erase
 * column for every table holding a creative's data. Statistics survive as anonymous rows:
 * a booking keeps status, office, consultant, format, times, sub-market, stage, Land and topics,
 * and loses everything that names the person.
 */
export { ERASED_ADDRESS, REDACTED } from './anonymise';

export type EraseResult =
	| { ok: true; bookingsAnonymised: number; bookingsCancelled: number; mailsRedacted: number }
	| { ok: false; reason: 'not_found' };

export async function eraseCreative(
	services: Services,
	creativeId: number,
	ctx: RequestContext = {}
): Promise<EraseResult> {
	const actor = creativeAuditActor(creativeId);
	const result = await transactNow(services, async (trx, now) => {
		const t = now.getTime();
		const me = await trx
			.selectFrom('creative')
			.select(['id', 'email', 'deleted_at'])
			.where('id', '=', creativeId)
			.executeTakeFirst();
		if (!me || me.deleted_at !== null) return { ok: false as const, reason: 'not_found' as const };
		const email = me.email;

		const bookings = await trx
			.selectFrom('booking')
			.select(['id', 'status', 'start_at', 'name', 'phone'])
			.where('email', '=', email)
			.execute();
		const bookingIds = bookings.map((b) => Number(b.id));

		// Future appointments are cancelled first (the slot is free again, statistics see a
		// cancellation); the notices this writes are redacted below with every mail about the booking.
		const { cancelled, confirmedIds } = await cancelFutureBookings(trx, services, bookings, {
			actor,
			now,
			requestId: ctx.requestId
		});

		await anonymiseBookings(trx, bookingIds, t);

		const mine = await redactMailsTo(trx, email);
		// Mails to staff about my bookings hold my name, address and concern (in the body and in
		// the calendar file's ATTENDEE line) whatever their state; the cancellation notices just
		// written included: no new mail names an erased person. The calendar shows the freed slot.
		const aboutBookings = await redactMailsAbout(trx, 'booking', bookingIds);
		const needles = await identifyingValues(trx, creativeId, email, bookings);
		await closeAndEraseCases(trx, creativeId, t);
		// Profile off the public at once, image and reports deleted, introductions without messages.
		await eraseVisibility(trx, creativeId, t);
		// Event registrations: future places given back, then anonymised (statistics stay).
		await eraseEventRegistrations(trx, services, email, actor, now);
		// Anything else still naming me (folded ICS lines, relayed notices, mails about events):
		// unfolded and searched for every value I entered that identifies me.
		const leftovers = await redactMailsNaming(trx, needles);
		// Only now, after every redaction: the consultant still learns that the slot is free,
		// from a notice (with the calendar CANCEL) that names nobody.
		for (const id of confirmedIds) await noticeWithoutName(trx, services, id, now);
		await forgetAccount(trx, creativeId, t);
		const counts = {
			bookingsAnonymised: bookingIds.length,
			bookingsCancelled: cancelled,
			mailsRedacted: mine + aboutBookings + leftovers
		};
		await recordAudit(
			trx,
			{ kind: 'creative', id: creativeId, label: REDACTED },
			{ action: 'creative.erased', subject: { kind: 'creative', id: creativeId }, data: counts },
			{ now, requestId: ctx.requestId }
		);
		return { ok: true as const, ...counts };
	});
	// After the commit: old page versions holding the erased values leave the WAL (SQLite runs
	// with secure_delete, so the database file itself keeps no freed copy either).
	if (result.ok) await checkpointWal(services.db, services.dialect);
	return result;
}

type ErasedBooking = {
	id: number | bigint;
	status: BookingStatus;
	start_at: number | bigint;
	name: string;
	phone: string | null;
};

/**
 * Cancels the person's future appointments, as if they had cancelled them. Answers how many,
 * and which were confirmed (their consultant gets a notice without a name afterwards).
 */
async function cancelFutureBookings(
	trx: Tx,
	services: Services,
	bookings: ErasedBooking[],
	by: { actor: AuditActor; now: Date; requestId: RequestContext['requestId'] }
): Promise<{ cancelled: number; confirmedIds: number[] }> {
	let cancelled = 0;
	const confirmedIds: number[] = [];
	for (const b of bookings) {
		if (!ACTIVE.includes(b.status) || Number(b.start_at) <= by.now.getTime()) continue;
		const record = await loadBooking(trx, Number(b.id));
		if (!record) continue;
		const done = await applyCancel(trx, services, record, { by: 'creative', reason: null, ...by });
		if (done) cancelled++;
		if (done && b.status === 'confirmed') confirmedIds.push(Number(b.id));
	}
	return { cancelled, confirmedIds };
}

/** Mails to the person: no address, no content; those not yet sent never will be. */
async function redactMailsTo(trx: Tx, email: string): Promise<number> {
	const mine = await trx
		.updateTable('outbox')
		.set(MAIL_REDACTION)
		.set({ to_address: ERASED_ADDRESS })
		.where('to_address', '=', email)
		.executeTakeFirst();
	await stopUnsentMails(trx).where('to_address', '=', ERASED_ADDRESS).execute();
	return Number(mine.numUpdatedRows);
}

/**
 * Every value the person entered that identifies them (address, names from bookings, cases,
 * profile and registrations, phone numbers long enough to be one), read before any is erased:
 * what a mail naming them would contain.
 */
async function identifyingValues(
	trx: Tx,
	creativeId: number,
	email: string,
	bookings: ErasedBooking[]
): Promise<string[]> {
	const caseNames = await trx
		.selectFrom('case_file')
		.select('name')
		.where('creative_id', '=', creativeId)
		.execute();
	const profileNames = await trx
		.selectFrom('profile')
		.select('display_name as name')
		.where('creative_id', '=', creativeId)
		.execute();
	const registrationNames = await trx
		.selectFrom('event_registration')
		.select('name')
		.where('email', '=', email)
		.execute();
	return [
		email,
		...names([...bookings, ...caseNames, ...profileNames, ...registrationNames]),
		...bookings.map((b) => b.phone ?? '').filter((p) => p.replace(/\D/g, '').length >= 6)
	];
}

/**
 * The account itself: sessions and links end, the audit log (append-only) keeps its rows with
 * the actor's label redacted, the address is replaced, and merged records no longer point here.
 */
async function forgetAccount(trx: Tx, creativeId: number, t: number): Promise<void> {
	await endCreativeAccount(trx, creativeId, t);
	await redactActorLabels(trx)
		.where('actor_kind', '=', 'creative')
		.where('actor_id', '=', creativeId)
		.execute();
	await trx
		.updateTable('creative')
		.set({ merged_into_id: null })
		.where('merged_into_id', '=', creativeId)
		.execute();
}

/**
 * The erased person's cases close with the reason "erased" (they leave every caseload and due
 * list), then lose every word about the person through the registered case erasure steps.
 */
async function closeAndEraseCases(trx: Tx, creativeId: number, t: number): Promise<void> {
	const cases = await trx
		.selectFrom('case_file')
		.select('id')
		.where('creative_id', '=', creativeId)
		.execute();
	const ids = cases.map((c) => Number(c.id));
	if (ids.length === 0) return;
	await trx
		.updateTable('case_file')
		.set({ status: 'closed', close_reason: 'erased', closed_at: t, next_contact_due_at: null, updated_at: t })
		.where('id', 'in', ids)
		.where('status', '!=', 'closed')
		.execute();
	await eraseCases(trx, ids, t);
}

/** "Appointment cancelled" to the consultant, with the calendar CANCEL, naming an erased person. */
async function noticeWithoutName(trx: Tx, services: Services, bookingId: number, now: Date): Promise<void> {
	const record = await loadBooking(trx, bookingId);
	if (!record) return;
	const neutral = {
		...record,
		name: translate(record.consultantLocale, 'privacy.erasedPerson'),
		email: ERASED_ADDRESS,
		phone: null,
		videoUrl: null
	};
	const settings = await getBookingSettings(trx, record.officeId);
	await mailConsultant(
		trx,
		{ services, now, changeNoticeMinutes: settings.changeNoticeMinutes },
		neutral,
		mailBooking(neutral, settings.changeNoticeMinutes),
		'cancelled',
		{ by: 'creative', reason: null }
	);
}

function names(bookings: readonly { name: string }[]): string[] {
	return [...new Set(bookings.map((b) => b.name.trim()).filter((n) => n.length >= 3))];
}
