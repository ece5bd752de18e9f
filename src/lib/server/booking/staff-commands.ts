import { type OfficeScope, scopeIncludes } from '../access/scope';
import { transactNow } from '../db/transaction';
import { type RequestContext, staffActor } from '../identity/index';
import type { Services } from '../runtime';
import {
	auditBooking,
	type BookingRecord,
	isOverlapError,
	isSerializationFailure,
	loadBooking,
	manageTokenExpiry,
	newToken,
	resolveSlot,
	videoUrlFor,
	type WantedSlot
} from './commands-shared';
import { auditTaken, type HoldInput, type HoldResult, type SlotTaking, takeSlot } from './hold';
import { mailConfirmed } from './commands-mails';
import { ensureCaseForBooking } from '../cases/index';
import { applyCancel, applyMove, type NewSlot } from './manage';
import type { OfficeActor } from './settings';
import { getCalendarBooking } from './calendar-queries';
import { syncBookingFact } from '../statistics/index';

/**
 * Booking commands for staff (the calendar's forms call these). The gate proves the office
 * (OfficeScope) and the role (OfficeActor): leads and network admins act on the whole office,
 * consultants on their own bookings only. Someone else's booking answers 'not_found', like
 * another office's (existence is confidential). Same rules as the public flow; a staff booking
 * is confirmed at once and mailed.
 */
export type { OfficeActor } from './settings';
export type { HoldInput, HoldResult, IntakeInput } from './hold';
export type { NewSlot } from './manage';

export type StaffFailure = { ok: false; reason: 'not_found' } | { ok: false; reason: 'not_active' };

export type StaffChangeResult =
	| { ok: true; bookingId: number }
	| StaffFailure
	| { ok: false; reason: 'slot_taken' }
	| { ok: false; reason: 'not_yet' };

const mayActOn = (actor: OfficeActor, scope: OfficeScope, b: BookingRecord) =>
	scopeIncludes(scope, b.officeId) && (actor.role !== 'consultant' || b.consultantId === actor.id);

/** The slot an on-behalf booking asks for: consultants book for themselves. */
function onBehalfWish<T extends { consultantId?: number | null }>(actor: OfficeActor, wish: T): T {
	return { ...wish, consultantId: actor.role === 'consultant' ? actor.id : (wish.consultantId ?? null) };
}

/**
 * Whether the slot an on-behalf form names is still offered: the check bookOnBehalf makes under
 * its lock (resolveSlot), here read-only, so a form with other errors reports a slot taken
 * meanwhile in the same round (issue 16). Outside the scope it says nothing (true).
 */
export async function onBehalfSlotFree(
	services: Pick<Services, 'db' | 'clock'>,
	actor: OfficeActor,
	scope: OfficeScope,
	wish: WantedSlot
): Promise<boolean> {
	if (!scopeIncludes(scope, wish.officeId)) return true;
	return (await resolveSlot(services.db, onBehalfWish(actor, wish), services.clock.now())) !== null;
}

/**
 * Books for a creative who called or e-mailed. Consultants book for themselves (their
 * consultantId is used); leads may pick any consultant or leave it open.
 */
export async function bookOnBehalf(
	services: Services,
	actor: OfficeActor,
	scope: OfficeScope,
	input: HoldInput,
	ctx: RequestContext = {}
): Promise<HoldResult | { ok: false; reason: 'not_found' }> {
	if (!scopeIncludes(scope, input.officeId)) return { ok: false, reason: 'not_found' };
	return takeSlot(services, onBehalfWish(actor, input), ctx, onBehalf(services, actor));
}

/**
 * The staff way of taking a slot: confirmed at once (the caller's address is unverified, so no
 * double opt-in), the case opened now, the manage link and the confirmation mailed.
 */
function onBehalf(services: Services, actor: OfficeActor): SlotTaking {
	const manage = newToken();
	return {
		columns: (slot, t) => ({
			status: 'confirmed',
			hold_expires_at: null,
			confirm_token_hash: null,
			manage_token_hash: manage.hash,
			manage_token_expires_at: manageTokenExpiry(slot.end),
			video_url: slot.format === 'video' ? videoUrlFor(services.config.videoBaseUrl) : null,
			created_by: actor.id,
			confirmed_at: t
		}),
		async finish(taken) {
			await ensureCaseForBooking(taken.trx, taken.bookingId, {
				now: taken.mail.now,
				verified: false,
				actor: { kind: 'staff', id: actor.id }
			});
			const booking = (await loadBooking(taken.trx, taken.bookingId))!;
			await mailConfirmed(taken.trx, taken.mail, booking, manage.token, 'staff');
			await auditTaken(taken, staffActor(actor), 'booking.booked_by_staff');
			return booking;
		}
	};
}

export async function cancelByStaff(
	services: Services,
	actor: OfficeActor,
	scope: OfficeScope,
	bookingId: number,
	reason: string,
	ctx: RequestContext = {}
): Promise<StaffChangeResult> {
	return transactNow(
		services,
		async (trx, now): Promise<StaffChangeResult> => {
			const booking = await loadBooking(trx, bookingId);
			if (!booking || !mayActOn(actor, scope, booking)) return { ok: false, reason: 'not_found' };
			const done = await applyCancel(trx, services, booking, {
				by: 'staff',
				reason: reason.trim() || null,
				actor: staffActor(actor),
				now,
				requestId: ctx.requestId
			});
			return done ? { ok: true, bookingId } : { ok: false, reason: 'not_active' };
		},
		{ serializable: true }
	);
}

/** Moves a confirmed booking to another offered slot of the office (another consultant too, for leads). */
export async function moveByStaff(
	services: Services,
	actor: OfficeActor,
	scope: OfficeScope,
	bookingId: number,
	newSlot: NewSlot,
	reason: string,
	ctx: RequestContext = {}
): Promise<StaffChangeResult> {
	try {
		return await transactNow(
			services,
			async (trx, now): Promise<StaffChangeResult> => {
				const booking = await loadBooking(trx, bookingId);
				if (!booking || !mayActOn(actor, scope, booking)) return { ok: false, reason: 'not_found' };
				const slot = actor.role === 'consultant' ? { ...newSlot, consultantId: actor.id } : newSlot;
				const outcome = await applyMove(trx, services, booking, {
					slot,
					by: 'staff',
					reason: reason.trim() || null,
					manageToken: null,
					actor: staffActor(actor),
					now,
					requestId: ctx.requestId
				});
				return outcome === 'ok' ? { ok: true, bookingId } : { ok: false, reason: outcome };
			},
			{ serializable: true, attempts: 8 }
		);
	} catch (err) {
		if (isOverlapError(err) || isSerializationFailure(err)) return { ok: false, reason: 'slot_taken' };
		throw err;
	}
}

/** After the start: attended or no-show (statistics count both). Allowed again to correct a slip. */
export async function markAttendance(
	services: Services,
	actor: OfficeActor,
	scope: OfficeScope,
	bookingId: number,
	outcome: 'attended' | 'no_show',
	ctx: RequestContext = {}
): Promise<StaffChangeResult> {
	return transactNow(services, async (trx, now): Promise<StaffChangeResult> => {
		const t = now.getTime();
		const booking = await loadBooking(trx, bookingId);
		if (!booking || !mayActOn(actor, scope, booking)) return { ok: false, reason: 'not_found' };
		if (!['confirmed', 'attended', 'no_show'].includes(booking.status))
			return { ok: false, reason: 'not_active' };
		if (booking.start > t) return { ok: false, reason: 'not_yet' };
		await trx
			.updateTable('booking')
			.set({ status: outcome, updated_at: t })
			.where('id', '=', bookingId)
			.where('status', 'in', ['confirmed', 'attended', 'no_show'])
			.execute();
		await syncBookingFact(trx, bookingId, t); // statistics: attended counts, no_show does not (decision 008)
		const by = { actor: staffActor(actor), now, requestId: ctx.requestId };
		await auditBooking(trx, by, booking, 'booking.attendance', { outcome, previous: booking.status });
		return { ok: true, bookingId };
	});
}

/**
 * A move from the staff calendar: to another start with the same consultant and format (the
 * booking page offers only those slots), read in the office first; not visible there: not_found.
 */
export async function moveInCalendar(
	services: Services,
	actor: OfficeActor,
	scope: OfficeScope,
	target: { officeId: number; bookingId: number; start: number },
	reason: string,
	ctx: RequestContext = {}
): Promise<StaffChangeResult> {
	const current = await getCalendarBooking(services.db, scope, actor, target.officeId, target.bookingId);
	if (!current) return { ok: false, reason: 'not_found' };
	const slot = { start: target.start, consultantId: current.consultantId, format: current.format };
	return moveByStaff(services, actor, scope, target.bookingId, slot, reason, ctx);
}
