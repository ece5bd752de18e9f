import type { Locale } from '../../i18n/locale';
import { berlinDate } from '../../time/berlin';
import { DAY } from '../../time/durations';
import { type AuditActor, type AuditEntry, recordAudit, systemActor } from '../audit/index';
import type { BookingFormat, BookingStatus } from '../db/schema';
import type { Db, Tx } from '../db/transaction';
import { hashToken, randomToken } from '../platform/tokens';
import type { Slot, SlotFormat } from './rules';
import { isSlotOffered, listSlots } from './slots';

/**
 * What the booking commands share: loading a booking with everything its mails need, the
 * locking protocol's helpers (expire stale holds, recognise the database's overlap refusal),
 * tokens, and the outbox rows of each change. Internal to booking/; the use cases live in
 * hold.ts, confirm.ts, manage.ts, staff-commands.ts and jobs.ts.
 */
/** Who changed a booking, and when: the context of its audit row. */
export interface BookingChangeBy {
	actor: AuditActor;
	now: Date;
	requestId?: string | null;
}

/** The audit row of a change to one booking, in its transaction and in its office's log. */
export function auditBooking(
	trx: Tx,
	by: BookingChangeBy,
	booking: { id: number; officeId: number },
	action: string,
	data?: AuditEntry['data']
): Promise<void> {
	const entry = { action, subject: { kind: 'booking', id: booking.id }, officeId: booking.officeId, data };
	return recordAudit(trx, by.actor, entry, { now: by.now, requestId: by.requestId });
}

/** A hold lasts this long before the slot is free again (issue 3: 30 minutes). */
export const HOLD_MINUTES = 30;
export const HOLD_MS = HOLD_MINUTES * 60_000;

export interface BookingRecord {
	id: number;
	officeId: number;
	officeName: string;
	officePhone: string;
	officeEmail: string;
	officeStreet: string;
	officePostcode: string;
	officeCity: string;
	consultantId: number;
	consultantName: string;
	consultantEmail: string;
	consultantLocale: Locale;
	format: BookingFormat;
	sprechtagId: number | null;
	sprechtag: { town: string; venue: string; address: string } | null;
	kind: 'first' | 'follow_up';
	start: number;
	end: number;
	status: BookingStatus;
	holdExpiresAt: number | null;
	name: string;
	email: string;
	phone: string | null;
	locale: Locale;
	videoUrl: string | null;
	icsSequence: number;
	manageTokenExpiresAt: number | null;
	caseId: number | null;
}

const asLocale = (v: string): Locale => (v === 'en' ? 'en' : 'de');

function bookingQuery(db: Db | Tx) {
	return db
		.selectFrom('booking as b')
		.innerJoin('office as o', 'o.id', 'b.office_id')
		.innerJoin('staff_user as u', 'u.id', 'b.consultant_id')
		.leftJoin('sprechtag as s', 's.id', 'b.sprechtag_id')
		.select([
			'b.id',
			'b.office_id',
			'o.name as office_name',
			'o.phone as office_phone',
			'o.email as office_email',
			'o.street as office_street',
			'o.postcode as office_postcode',
			'o.city as office_city',
			'b.consultant_id',
			'u.name as consultant_name',
			'u.email as consultant_email',
			'u.locale as consultant_locale',
			'b.format',
			'b.sprechtag_id',
			's.town as s_town',
			's.venue as s_venue',
			's.address as s_address',
			'b.kind',
			'b.start_at',
			'b.end_at',
			'b.status',
			'b.hold_expires_at',
			'b.name',
			'b.email',
			'b.phone',
			'b.locale',
			'b.video_url',
			'b.ics_sequence',
			'b.manage_token_expires_at',
			'b.case_id'
		]);
}

type BookingRow = Awaited<ReturnType<ReturnType<typeof bookingQuery>['executeTakeFirstOrThrow']>>;

function toRecord(r: BookingRow): BookingRecord {
	return {
		id: Number(r.id),
		officeId: Number(r.office_id),
		officeName: r.office_name,
		officePhone: r.office_phone,
		officeEmail: r.office_email,
		officeStreet: r.office_street,
		officePostcode: r.office_postcode,
		officeCity: r.office_city,
		consultantId: Number(r.consultant_id),
		consultantName: r.consultant_name,
		consultantEmail: r.consultant_email,
		consultantLocale: asLocale(r.consultant_locale),
		format: r.format,
		sprechtagId: r.sprechtag_id === null ? null : Number(r.sprechtag_id),
		sprechtag:
			r.sprechtag_id === null
				? null
				: { town: r.s_town ?? '', venue: r.s_venue ?? '', address: r.s_address ?? '' },
		kind: r.kind,
		start: Number(r.start_at),
		end: Number(r.end_at),
		status: r.status,
		holdExpiresAt: r.hold_expires_at === null ? null : Number(r.hold_expires_at),
		name: r.name,
		email: r.email,
		phone: r.phone,
		locale: asLocale(r.locale),
		videoUrl: r.video_url,
		icsSequence: Number(r.ics_sequence),
		manageTokenExpiresAt: r.manage_token_expires_at === null ? null : Number(r.manage_token_expires_at),
		caseId: r.case_id == null ? null : Number(r.case_id)
	};
}

/** One booking with office, consultant and Sprechtag. No scope: callers have proven access (token or gate). */
export async function loadBooking(db: Db | Tx, id: number): Promise<BookingRecord | null> {
	const row = await bookingQuery(db).where('b.id', '=', id).executeTakeFirst();
	return row ? toRecord(row) : null;
}

export async function loadBookingByTokenHash(
	db: Db | Tx,
	column: 'confirm_token_hash' | 'manage_token_hash',
	hash: string
): Promise<BookingRecord | null> {
	const row = await bookingQuery(db).where(`b.${column}`, '=', hash).executeTakeFirst();
	return row ? toRecord(row) : null;
}

export function newToken(): { token: string; hash: string } {
	const token = randomToken();
	return { token, hash: hashToken(token) };
}

/** A manage link works until a day after the appointment ends. */
export function manageTokenExpiry(end: number): number {
	return end + DAY;
}

export function videoUrlFor(videoBaseUrl: string): string {
	return `${videoBaseUrl.replace(/\/$/, '')}/${randomToken(12)}`;
}

export const ACTIVE: readonly BookingStatus[] = ['held', 'confirmed'];

/**
 * Step one of the locking protocol: holds past their time stop blocking. Runs first in every
 * transaction that takes a slot, so a slot freed by an unconfirmed hold is bookable at once,
 * without waiting for the background job.
 */
export async function expireStaleHolds(trx: Tx, now: Date): Promise<number[]> {
	const t = now.getTime();
	const stale = await trx
		.selectFrom('booking')
		.select(['id', 'office_id'])
		.where('status', '=', 'held')
		.where('hold_expires_at', '<=', t)
		.execute();
	if (stale.length === 0) return [];
	const ids = stale.map((r) => Number(r.id));
	await trx
		.updateTable('booking')
		.set({ status: 'expired', updated_at: t })
		.where('id', 'in', ids)
		.where('status', '=', 'held')
		.execute();
	for (const r of stale) {
		const booking = { id: Number(r.id), officeId: Number(r.office_id) };
		await auditBooking(trx, { actor: systemActor, now }, booking, 'booking.hold_expired');
	}
	return ids;
}

/** The database refused an overlapping active booking (exclusion constraint or SQLite trigger). */
export function isOverlapError(err: unknown): boolean {
	const e = err as { code?: string; message?: string; constraint?: string };
	return (
		e?.code === '23P01' ||
		e?.constraint === 'booking_no_overlap' ||
		(typeof e?.message === 'string' && e.message.includes('booking_no_overlap'))
	);
}

/** PostgreSQL gave up serialising after all retries: contention, not a bug. */
export function isSerializationFailure(err: unknown): boolean {
	const code = (err as { code?: string })?.code;
	return code === '40001' || code === '40P01';
}

/**
 * The open first consultations of an address (held or confirmed, still ahead), soonest first.
 * The limit is network-wide, so no office filter.
 */
export async function openFirstBookings(
	db: Db | Tx,
	email: string,
	now: Date,
	ignoreBookingId?: number
): Promise<number[]> {
	let q = db
		.selectFrom('booking')
		.select('id')
		.where('email', '=', email.trim().toLowerCase())
		.where('kind', '=', 'first')
		.where('status', 'in', [...ACTIVE])
		.where('start_at', '>', now.getTime())
		.orderBy('start_at');
	if (ignoreBookingId !== undefined) q = q.where('id', '!=', ignoreBookingId);
	return (await q.execute()).map((r) => Number(r.id));
}

export interface WantedSlot {
	officeId: number;
	consultantId?: number | null;
	format: SlotFormat;
	start: number;
	sprechtagId?: number | null;
}

/**
 * The offered slot for a wish, re-checked in the caller's transaction. Without a consultant,
 * the first consultant (by name) who offers exactly that start takes it.
 */
export async function resolveSlot(
	trx: Db | Tx,
	wanted: WantedSlot,
	now: Date,
	ignoreBookingId?: number
): Promise<Slot | null> {
	if (!Number.isFinite(wanted.start)) return null;
	let consultantId = wanted.consultantId ?? null;
	if (consultantId === null) {
		const date = berlinDate(wanted.start);
		const candidates = await listSlots(
			trx,
			{ officeId: wanted.officeId, from: date, to: date, format: wanted.format },
			now
		);
		const match = candidates.find(
			(s) =>
				s.start === wanted.start &&
				(wanted.sprechtagId === undefined ||
					wanted.sprechtagId === null ||
					s.sprechtagId === wanted.sprechtagId)
		);
		if (!match) return null;
		consultantId = match.consultantId;
	}
	return isSlotOffered(
		trx,
		{
			officeId: wanted.officeId,
			consultantId,
			format: wanted.format,
			start: wanted.start,
			sprechtagId: wanted.sprechtagId ?? undefined
		},
		now,
		ignoreBookingId === undefined ? {} : { ignoreBookingId }
	);
}

export const creativeActor = (bookingId: number): AuditActor => ({
	kind: 'creative',
	id: null,
	label: `booking ${bookingId}`
});
