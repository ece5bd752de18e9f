import type { Locale } from '../../i18n/locale';
import { createHash } from 'node:crypto';
import { HOUR } from '../../time/durations';
import type { AuditActor } from '../audit/index';
import type { Insertable } from 'kysely';
import type { BookingTable } from '../db/schema';
import { type Db, isUniqueViolation, type Tx, transact } from '../db/transaction';
import { type RequestContext, countHit, throttleKey } from '../identity/index';
import type { Services } from '../runtime';
import {
	auditBooking,
	type BookingRecord,
	creativeActor,
	expireStaleHolds,
	HOLD_MS,
	isOverlapError,
	isSerializationFailure,
	loadBooking,
	newToken,
	openFirstBookings,
	resolveSlot
} from './commands-shared';
import { type MailContext, mailHold } from './commands-mails';
import { currentConsentVersions, ensureConsentTexts } from './consent';
import type { Slot, SlotFormat } from './rules';
import { getBookingSettings } from './settings';

/**
 * Taking a slot: the public hold here (double opt-in follows in confirm.ts), the staff booking on
 * behalf of a caller in staff-commands.ts (a SlotTaking each). One locking protocol for both (ARCHITECTURE.md):
 * in one transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: SERIALIZABLE with retry) expire
 * stale holds, check the per-person limit, re-check the slot, insert. The database's
 * exclusion constraint / trigger is the last word: its refusal becomes 'slot_taken'.
 */
export const CONCERN_MAX = 2000;

export interface IntakeInput {
	name: string;
	email: string;
	phone?: string | null;
	postcode?: string | null;
	land: string;
	submarket: string;
	stage: string;
	topics: string[];
	concern: string;
	heardFrom?: string | null;
}

export interface HoldInput {
	officeId: number;
	/** Optional: without it, the first consultant offering that start takes it. */
	consultantId?: number | null;
	format: SlotFormat;
	/** Epoch ms UTC. */
	start: number;
	sprechtagId?: number | null;
	intake: IntakeInput;
	consents: { processing: boolean; notes: boolean; news: boolean };
	locale: Locale;
	/** Same key twice → the same booking (form submission id or the API's Idempotency-Key). */
	idempotencyKey?: string | null;
	/** A digest of the request; the same key with a different request is refused. */
	requestHash?: string | null;
}

export type HoldFailure =
	| { ok: false; reason: 'slot_taken' }
	| { ok: false; reason: 'limit_reached'; bookingId: number }
	| { ok: false; reason: 'idempotency_conflict' }
	| { ok: false; reason: 'invalid'; fields: Record<string, string> };

export type HoldResult =
	| {
			ok: true;
			bookingId: number;
			status: 'held' | 'confirmed' | 'cancelled' | 'expired' | 'attended' | 'no_show';
			holdExpiresAt: number | null;
			/** true when an earlier request with the same idempotency key made it. */
			existing: boolean;
	  }
	| HoldFailure;

/** A stable digest of what was asked for, for idempotency checks. */
export function holdRequestHash(input: Omit<HoldInput, 'idempotencyKey' | 'requestHash' | 'locale'>): string {
	const i = input.intake;
	const canonical = JSON.stringify([
		input.officeId,
		input.consultantId ?? null,
		input.format,
		input.start,
		input.sprechtagId ?? null,
		i.name.trim(),
		i.email.trim().toLowerCase(),
		i.phone ?? null,
		i.postcode ?? null,
		i.land,
		i.submarket,
		i.stage,
		[...i.topics].sort(),
		i.concern.trim(),
		i.heardFrom ?? null,
		input.consents.processing,
		input.consents.notes,
		input.consents.news
	]);
	return createHash('sha256').update(canonical).digest('hex');
}

/** The entry of a vocabulary (sub-market, stage) with that key, if there is one still offered. */
function activeEntry(trx: Tx, table: 'submarket' | 'stage', key: string) {
	return trx
		.selectFrom(table)
		.select('key')
		.where('key', '=', key)
		.where('active', '=', 1)
		.executeTakeFirst();
}

/** Checks what the forms and the API check too, against the reference data as it is now. */
async function invalidFields(trx: Tx, input: HoldInput): Promise<Record<string, string>> {
	const fields: Record<string, string> = {};
	const i = input.intake;
	if (!i.name.trim() || i.name.length > 200) fields.name = 'invalid';
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(i.email.trim()) || i.email.length > 254) fields.email = 'invalid';
	if (i.concern.length > CONCERN_MAX) fields.concern = 'too_long';
	if (!input.consents.processing) fields.consent_processing = 'required';
	if (input.format === 'phone' && !i.phone?.trim()) fields.phone = 'required';
	const [land, submarket, stage, topics] = await Promise.all([
		trx.selectFrom('land').select('iso').where('iso', '=', i.land).executeTakeFirst(),
		activeEntry(trx, 'submarket', i.submarket),
		activeEntry(trx, 'stage', i.stage),
		i.topics.length === 0
			? Promise.resolve([])
			: trx.selectFrom('topic').select('key').where('key', 'in', i.topics).where('active', '=', 1).execute()
	]);
	if (!land) fields.land = 'unknown';
	if (!submarket) fields.submarket = 'unknown';
	if (!stage) fields.stage = 'unknown';
	if (topics.length !== new Set(i.topics).size) fields.topics = 'unknown';
	const office = await trx
		.selectFrom('office')
		.select('id')
		.where('id', '=', input.officeId)
		.where('active', '=', 1)
		.executeTakeFirst();
	if (!office) fields.officeId = 'unknown';
	return fields;
}

/**
 * What sets one way of taking a slot apart from the other (the public hold, the staff booking on
 * behalf of a caller): the columns the new row starts with, and what follows its insert in the
 * same transaction (case, mail, audit). The locking protocol around them is takeSlot's alone.
 */
export interface SlotTaking {
	columns(slot: Slot, t: number): TakingColumns;
	/** Runs after the insert, in its transaction; answers the booking as it now is. */
	finish(taken: TakenSlot): Promise<BookingRecord>;
}

export type TakingColumns = Pick<
	Insertable<BookingTable>,
	| 'status'
	| 'hold_expires_at'
	| 'confirm_token_hash'
	| 'manage_token_hash'
	| 'manage_token_expires_at'
	| 'video_url'
	| 'created_by'
	| 'confirmed_at'
>;

/** The freshly inserted booking, as a taking's `finish` sees it. */
export interface TakenSlot {
	trx: Tx;
	bookingId: number;
	slot: Slot;
	input: HoldInput;
	mail: MailContext;
	requestId: RequestContext['requestId'];
}

/** The audit row every taken slot writes; who took it and how is the taking's. */
export async function auditTaken(taken: TakenSlot, actor: AuditActor, action: string): Promise<void> {
	const { trx, bookingId, slot, input, mail } = taken;
	const by = { actor, now: mail.now, requestId: taken.requestId };
	await auditBooking(trx, by, { id: bookingId, officeId: input.officeId }, action, {
		format: slot.format,
		start: slot.start,
		consultantId: slot.consultantId,
		consentNotes: input.consents.notes,
		consentNews: input.consents.news
	});
}

/** The public way: a 30-minute hold, confirmed by the link in the "please confirm" mail. */
function publicHold(): SlotTaking {
	const confirm = newToken();
	return {
		columns: (_slot, t) => ({
			status: 'held',
			hold_expires_at: t + HOLD_MS,
			confirm_token_hash: confirm.hash,
			manage_token_hash: null,
			manage_token_expires_at: null,
			video_url: null,
			created_by: null,
			confirmed_at: null
		}),
		async finish(taken) {
			const booking = (await loadBooking(taken.trx, taken.bookingId))!;
			await mailHold(taken.trx, taken.mail, booking, confirm.token);
			await auditTaken(taken, creativeActor(taken.bookingId), 'booking.held');
			return booking;
		}
	};
}

async function existingByKey(
	db: Db | Tx,
	key: string,
	requestHash: string | null
): Promise<HoldResult | null> {
	const row = await db
		.selectFrom('booking')
		.select(['id', 'status', 'hold_expires_at', 'request_hash'])
		.where('idempotency_key', '=', key)
		.executeTakeFirst();
	if (!row) return null;
	if (requestHash && row.request_hash && row.request_hash !== requestHash) {
		return { ok: false, reason: 'idempotency_conflict' };
	}
	return {
		ok: true,
		bookingId: Number(row.id),
		status: row.status,
		holdExpiresAt: row.hold_expires_at === null ? null : Number(row.hold_expires_at),
		existing: true
	};
}

/**
 * The locking protocol holdBooking and bookOnBehalf share: idempotency, validation, the per-person
 * limit and the slot re-check under the lock, the insert; `taking` supplies the rest.
 */
export async function takeSlot(
	services: Services,
	input: HoldInput,
	ctx: RequestContext,
	taking: SlotTaking
): Promise<HoldResult> {
	const { db, clock } = services;
	const now = clock.now();
	const key = input.idempotencyKey?.trim() || null;
	const take: SlotTake = {
		services,
		input,
		ctx,
		taking,
		now,
		email: input.intake.email.trim().toLowerCase(),
		key,
		requestHash: input.requestHash ?? (key ? holdRequestHash(input) : null)
	};
	if (key) {
		const known = await existingByKey(db, key, take.requestHash);
		if (known) return known;
	}
	try {
		return await transact(db, (trx) => takeUnderLock(trx, take), { serializable: true, attempts: 10 });
	} catch (err) {
		return answerRefusal(services, input, key, take.requestHash, err);
	}
}

/** One take as its transaction sees it; the same on every retry. */
interface SlotTake {
	services: Services;
	input: HoldInput;
	ctx: RequestContext;
	taking: SlotTaking;
	now: Date;
	/** Trimmed and lower-cased: the per-person limit counts by it. */
	email: string;
	key: string | null;
	requestHash: string | null;
}

/** The checks come before the insert in this order so that each answer holds under the lock. */
async function takeUnderLock(trx: Tx, take: SlotTake): Promise<HoldResult> {
	const { input, now, key, requestHash } = take;
	// Again under the lock: a double submit waits here for the first one to commit.
	if (key) {
		const known = await existingByKey(trx, key, requestHash);
		if (known) return known;
	}
	const fields = await invalidFields(trx, input);
	if (Object.keys(fields).length > 0) return { ok: false, reason: 'invalid', fields };
	await expireStaleHolds(trx, now);
	const open = await openFirstBookings(trx, take.email, now);
	if (open.length >= take.services.config.firstBookingLimit) {
		return { ok: false, reason: 'limit_reached', bookingId: open[0]! };
	}
	const slot = await resolveSlot(trx, input, now);
	if (!slot) return { ok: false, reason: 'slot_taken' };
	await ensureConsentTexts(trx, now);
	const versions = await currentConsentVersions(trx);
	const settings = await getBookingSettings(trx, input.officeId);
	const id = await insertFirstBooking(trx, take, slot, versions);
	const booking = await take.taking.finish({
		trx,
		bookingId: id,
		slot,
		input,
		mail: { services: take.services, now, changeNoticeMinutes: settings.changeNoticeMinutes },
		requestId: take.ctx.requestId
	});
	return {
		ok: true,
		bookingId: id,
		status: booking.status,
		holdExpiresAt: booking.holdExpiresAt,
		existing: false
	};
}

/** The database's overlap refusal of this insert is the last word on a contended slot. */
async function insertFirstBooking(
	trx: Tx,
	take: SlotTake,
	slot: Slot,
	versions: Awaited<ReturnType<typeof currentConsentVersions>>
): Promise<number> {
	const { input, email } = take;
	const t = take.now.getTime();
	const i = input.intake;
	const inserted = await trx
		.insertInto('booking')
		.values({
			...take.taking.columns(slot, t),
			office_id: input.officeId,
			consultant_id: slot.consultantId,
			format: slot.format,
			sprechtag_id: slot.sprechtagId,
			kind: 'first',
			start_at: slot.start,
			end_at: slot.end,
			name: i.name.trim(),
			email,
			phone: i.phone?.trim() || null,
			postcode: i.postcode?.trim() || null,
			land_iso: i.land,
			submarket: i.submarket,
			stage: i.stage,
			topics: JSON.stringify([...new Set(i.topics)]),
			concern: i.concern.trim(),
			heard_from: i.heardFrom?.trim() || null,
			locale: input.locale,
			consent_processing_version: versions.processing,
			consent_notes_version: input.consents.notes ? versions.notes : null,
			consent_news_version: input.consents.news ? versions.news : null,
			consented_at: t,
			idempotency_key: take.key,
			request_hash: take.requestHash,
			created_at: t,
			updated_at: t
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(inserted.id);
}

/** What the database's refusal of a take means for the person; anything else is thrown on. */
async function answerRefusal(
	{ db, clock }: Services,
	input: HoldInput,
	key: string | null,
	requestHash: string | null,
	err: unknown
): Promise<HoldResult> {
	if (key && isUniqueViolation(err)) {
		// A parallel request with the same key won the race: answer with its booking.
		const known = await existingByKey(db, key, requestHash);
		if (known) return known;
	}
	if (isOverlapError(err)) return { ok: false, reason: 'slot_taken' };
	if (isSerializationFailure(err)) {
		// Still contended after every retry: only a taken slot explains that honestly.
		const free = await transact(db, (trx) => resolveSlot(trx, input, clock.now()));
		if (!free) return { ok: false, reason: 'slot_taken' };
	}
	throw err;
}

/** The public booking: a 30-minute hold and the "please confirm" mail. */
export async function holdBooking(
	services: Services,
	input: HoldInput,
	ctx: RequestContext = {}
): Promise<HoldResult> {
	return takeSlot(services, input, ctx, publicHold());
}

export type PublicHoldResult = HoldResult | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export const bookingKeys = {
	publicForm: (clientAddress: string) => throttleKey('booking-form', clientAddress)
};

/**
 * The /termin form's submit: counted per client address (PUBLIC_FORM_LIMIT per hour, in the
 * database so every instance counts together), then holdBooking.
 */
export async function requestBooking(
	services: Services,
	input: HoldInput,
	ctx: RequestContext & { clientAddress: string }
): Promise<PublicHoldResult> {
	const decision = await countHit(
		services.db,
		bookingKeys.publicForm(ctx.clientAddress),
		{ limit: services.config.publicFormLimit, windowMs: HOUR },
		services.clock.now()
	);
	if (!decision.allowed)
		return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
	return holdBooking(services, input, ctx);
}
