import { addDays, berlinDate } from '../../time/berlin';
import type { OfficeScope } from '../access/scope';
import type { AuditActor } from '../audit/index';
import { addCaseEvent, type CaseRecord, caseFor, loadCase, mayBookFollowUp } from '../cases/index';
import { transactNow, type Db, type Tx } from '../db/transaction';
import { type RequestContext, staffActor } from '../identity/index';
import type { Services } from '../runtime';
import {
	auditBooking,
	expireStaleHolds,
	isOverlapError,
	isSerializationFailure,
	loadBooking,
	manageTokenExpiry,
	newToken,
	videoUrlFor
} from './commands-shared';
import { mailConfirmed } from './commands-mails';
import { currentConsentVersions, ensureConsentTexts } from './consent';
import type { OfficeActor } from './settings';
import { getBookingSettings } from './settings';
import type { Slot } from './rules';
import { isSlotOffered, listSlots, type OfferedSlot } from './slots';

/**
 * Issue 4, item 5: a follow-up session in one click, with the case's consultant and only their
 * slots. Booked by staff from the case page or by the creative from the portal (signed in, so
 * the address is verified: confirmed at once, no double opt-in). Follow-ups are not counted
 * against the limit of open first consultations and are kind 'follow_up' (Folgeberatung).
 */
export type FollowUpBooker =
	| { kind: 'staff'; actor: OfficeActor; scope: OfficeScope }
	| { kind: 'creative'; creativeId: number };

export type FollowUpFormat = 'office' | 'phone' | 'video';
export const FOLLOW_UP_FORMATS: readonly FollowUpFormat[] = ['office', 'phone', 'video'];

export type FollowUpResult =
	| { ok: true; bookingId: number; caseId: number; existing: boolean }
	| { ok: false; reason: 'not_found' | 'closed' | 'slot_taken' | 'no_consultation' };

async function caseOf(db: Db | Tx, who: FollowUpBooker, caseId: number): Promise<CaseRecord | null> {
	if (who.kind === 'staff') return caseFor(db, who.actor, who.scope, caseId);
	const c = await loadCase(db, caseId);
	return c && c.creativeId === who.creativeId && !c.creativeErased ? c : null;
}

/** The case's consultant's free slots for a week from `from` (a Berlin day), all formats. */
export async function followUpSlots(
	db: Db | Tx,
	who: FollowUpBooker,
	caseId: number,
	from: string,
	now: Date
): Promise<{ case: CaseRecord; slots: OfferedSlot[]; noTalk: boolean } | null> {
	const c = await caseOf(db, who, caseId);
	if (!c || c.status === 'closed') return null;
	// Issue 16: a follow-up follows a talk; until one took place, nothing is offered.
	if (!(await mayBookFollowUp(db, c.id))) return { case: c, slots: [], noTalk: true };
	const today = berlinDate(now);
	const start = from < today ? today : from;
	const slots = await listSlots(
		db,
		{ officeId: c.officeId, from: start, to: addDays(start, 13), consultantId: c.consultantId },
		now
	);
	return { case: c, slots: slots.filter((s) => s.sprechtagId == null), noTalk: false };
}

type FollowUpRequest = {
	caseId: number;
	start: number;
	format: FollowUpFormat;
	idempotencyKey: string | null;
};

export async function bookFollowUp(
	services: Services,
	who: FollowUpBooker,
	input: FollowUpRequest,
	ctx: RequestContext = {}
): Promise<FollowUpResult> {
	const key = input.idempotencyKey?.trim() || null;
	try {
		return await transactNow(
			services,
			(trx, now) => bookFollowUpUnderLock(trx, { services, who, input, ctx, now, key }),
			{ serializable: true, attempts: 8 }
		);
	} catch (err) {
		if (isOverlapError(err) || isSerializationFailure(err)) return { ok: false, reason: 'slot_taken' };
		throw err;
	}
}

/** One follow-up booking as its transaction sees it; the same on every retry. */
interface FollowUpTake {
	services: Services;
	who: FollowUpBooker;
	input: FollowUpRequest;
	ctx: RequestContext;
	now: Date;
	key: string | null;
}

/** The checks come before the insert in this order so that each answer holds under the lock. */
async function bookFollowUpUnderLock(trx: Tx, take: FollowUpTake): Promise<FollowUpResult> {
	const { services, who, input, now, key } = take;
	const c = await caseOf(trx, who, input.caseId);
	if (!c) return { ok: false, reason: 'not_found' };
	if (key) {
		const known = await trx
			.selectFrom('booking')
			.select(['id', 'case_id'])
			.where('idempotency_key', '=', key)
			.executeTakeFirst();
		if (known && Number(known.case_id) === c.id)
			return { ok: true, bookingId: Number(known.id), caseId: c.id, existing: true };
	}
	if (c.status === 'closed') return { ok: false, reason: 'closed' };
	if (!(await mayBookFollowUp(trx, c.id))) return { ok: false, reason: 'no_consultation' };
	await expireStaleHolds(trx, now);
	const slot = await isSlotOffered(
		trx,
		{ officeId: c.officeId, consultantId: c.consultantId, format: input.format, start: input.start },
		now
	);
	if (!slot || slot.sprechtagId != null) return { ok: false, reason: 'slot_taken' };
	await ensureConsentTexts(trx, now);
	const versions = await currentConsentVersions(trx);
	const settings = await getBookingSettings(trx, c.officeId);
	const land = c.landIso ?? (await officeLand(trx, c.officeId));
	const manage = newToken();
	const bookingId = await insertFollowUp(trx, take, c, slot, {
		land,
		processingVersion: versions.processing,
		manageHash: manage.hash
	});
	// Booking a session ends a pause: the case is being worked on again.
	if (c.status === 'paused')
		await trx
			.updateTable('case_file')
			.set({ status: 'open', updated_at: now.getTime() })
			.where('id', '=', c.id)
			.execute();
	const booking = (await loadBooking(trx, bookingId))!;
	await mailConfirmed(
		trx,
		{ services, now, changeNoticeMinutes: settings.changeNoticeMinutes },
		booking,
		manage.token,
		who.kind
	);
	await recordFollowUpBooked(trx, take, c, bookingId, slot);
	return { ok: true, bookingId, caseId: c.id, existing: false };
}

/** A case without a Land of its own takes its office's (the first one listed), or none. */
async function officeLand(trx: Tx, officeId: number): Promise<string> {
	const row = await trx
		.selectFrom('office_land')
		.select('land_iso')
		.where('office_id', '=', officeId)
		.executeTakeFirst();
	return row?.land_iso ?? '';
}

/**
 * Signed in, so the address is verified: the row starts confirmed, with no confirm token. The
 * database's overlap refusal of this insert is the last word on a contended slot.
 */
async function insertFollowUp(
	trx: Tx,
	take: FollowUpTake,
	c: CaseRecord,
	slot: Slot,
	row: { land: string; processingVersion: number; manageHash: string }
): Promise<number> {
	const { who } = take;
	const t = take.now.getTime();
	const inserted = await trx
		.insertInto('booking')
		.values({
			office_id: c.officeId,
			consultant_id: c.consultantId,
			format: slot.format,
			sprechtag_id: null,
			kind: 'follow_up',
			start_at: slot.start,
			end_at: slot.end,
			status: 'confirmed',
			hold_expires_at: null,
			name: c.name,
			email: c.creativeEmail,
			phone: null,
			postcode: null,
			land_iso: row.land,
			submarket: c.submarket ?? '',
			stage: c.stage ?? '',
			topics: JSON.stringify(c.topics),
			concern: '',
			heard_from: null,
			locale: c.creativeLocale,
			consent_processing_version: row.processingVersion,
			consent_notes_version: c.notesConsentVersion,
			consent_news_version: null,
			consented_at: c.notesConsentAt ?? t,
			confirm_token_hash: null,
			manage_token_hash: row.manageHash,
			manage_token_expires_at: manageTokenExpiry(slot.end),
			video_url: slot.format === 'video' ? videoUrlFor(take.services.config.videoBaseUrl) : null,
			idempotency_key: take.key,
			request_hash: null,
			created_by: who.kind === 'staff' ? who.actor.id : null,
			confirmed_at: t,
			created_at: t,
			updated_at: t,
			case_id: c.id
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(inserted.id);
}

/** The case's timeline and the audit log each say who booked it. */
async function recordFollowUpBooked(
	trx: Tx,
	take: FollowUpTake,
	c: CaseRecord,
	bookingId: number,
	slot: Slot
): Promise<void> {
	const { who, now } = take;
	const eventActor =
		who.kind === 'staff'
			? { kind: 'staff' as const, id: who.actor.id }
			: { kind: 'creative' as const, id: who.creativeId };
	await addCaseEvent(trx, c.id, 'follow_up_booked', eventActor, now, { bookingId, start: slot.start });
	const actor: AuditActor =
		who.kind === 'staff'
			? staffActor(who.actor)
			: { kind: 'creative', id: who.creativeId, label: `creative ${who.creativeId}` };
	await auditBooking(
		trx,
		{ actor, now, requestId: take.ctx.requestId },
		{ id: bookingId, officeId: c.officeId },
		'booking.follow_up_booked',
		{ caseId: c.id, format: slot.format, start: slot.start, consultantId: c.consultantId }
	);
}

/** The Berlin day a week view starts on, from a query value (today when absent or past). */
export function followUpFrom(asked: string | null, now: Date): string {
	const today = berlinDate(now);
	return asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) && asked >= today ? asked : today;
}
