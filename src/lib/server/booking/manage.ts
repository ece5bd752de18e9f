import type { Locale } from '../../i18n/locale';
import { HOUR } from '../../time/durations';
import type { CancelReason } from '../reference/index';
import { translate } from '../../i18n/messages';
import { closeIfNoTalk } from '../cases/index';
import type { AuditActor } from '../audit/index';
import { type Tx, transact, transactNow } from '../db/transaction';
import {
	type RequestContext,
	countHit,
	strictest,
	throttleKey,
	type ThrottleDecision
} from '../identity/index';
import { hashToken, plausibleToken } from '../platform/tokens';
import type { Services } from '../runtime';
import {
	ACTIVE,
	auditBooking,
	type BookingRecord,
	creativeActor,
	expireStaleHolds,
	isOverlapError,
	isSerializationFailure,
	loadBooking,
	loadBookingByTokenHash,
	manageTokenExpiry,
	newToken,
	resolveSlot,
	videoUrlFor,
	type WantedSlot
} from './commands-shared';
import { absoluteLink, mailBooking, mailCancelled, mailConsultant, mailMoved } from './commands-mails';
import { linkMail } from './mails';
import type { Slot, SlotFormat } from './rules';
import { getBookingSettings } from './settings';
import { enqueueMail } from '../notifications/index';

/**
 * What a creative can do with the manage link: cancel, or move to another free slot of the same
 * office, each until `changeNoticeMinutes` before the start (after that, the page shows the
 * office's phone). Every change mails creative and consultant, with the calendar entry's
 * SEQUENCE raised. The cancel and move steps are shared with the staff commands.
 */
export type ManageFailure =
	| { ok: false; reason: 'invalid' | 'expired' }
	| { ok: false; reason: 'not_active' }
	| { ok: false; reason: 'too_late'; officePhone: string }
	| { ok: false; reason: 'slot_taken' };

export type ChangeResult = { ok: true; bookingId: number } | ManageFailure;

export interface NewSlot {
	start: number;
	consultantId?: number | null;
	format?: SlotFormat;
	sprechtagId?: number | null;
}

type Change =
	| { kind: 'cancel'; reason: string | null; reasonKey?: CancelReason | null }
	| { kind: 'move'; slot: NewSlot; reason: string | null };

/** Cancels an active booking in the caller's transaction; mails both sides; audits. */
export async function applyCancel(
	trx: Tx,
	services: Services,
	booking: BookingRecord,
	input: {
		by: 'creative' | 'staff';
		reason: string | null;
		/** Issue 16: the creative's reason from the list, for the statistics. */
		reasonKey?: CancelReason | null;
		actor: AuditActor;
		now: Date;
		requestId?: string | null;
	}
): Promise<boolean> {
	const t = input.now.getTime();
	const res = await trx
		.updateTable('booking')
		.set((eb) => ({
			status: 'cancelled',
			cancelled_at: t,
			cancel_reason: input.reason,
			cancel_reason_key: input.reasonKey ?? null,
			hold_expires_at: null,
			ics_sequence: eb('ics_sequence', '+', 1),
			updated_at: t
		}))
		.where('id', '=', booking.id)
		.where('status', 'in', [...ACTIVE])
		.executeTakeFirst();
	if (Number(res.numUpdatedRows) !== 1) return false;
	const after = (await loadBooking(trx, booking.id))!;
	// A hold nobody confirmed has no calendar entry anywhere: nothing to tell.
	if (booking.status === 'confirmed') {
		const settings = await getBookingSettings(trx, after.officeId);
		await mailCancelled(
			trx,
			{ services, now: input.now, changeNoticeMinutes: settings.changeNoticeMinutes },
			after,
			input.by,
			input.reason
		);
	}
	// Issue 16: a case whose only bookings are now cancelled closes itself (nobody was accompanied).
	if (after.caseId != null) await closeIfNoTalk(trx, after.caseId, input.now);
	await auditBooking(trx, input, booking, 'booking.cancelled', {
		by: input.by,
		start: booking.start,
		withReason: input.reason !== null,
		reasonKey: input.reasonKey ?? null
	});
	return true;
}

interface MoveInput {
	slot: NewSlot;
	by: 'creative' | 'staff';
	reason: string | null;
	manageToken: string | null;
	actor: AuditActor;
	now: Date;
	requestId?: string | null;
}

/**
 * Moves a confirmed booking to another offered slot of its office (re-checked here, ignoring
 * the booking itself). A manage token is passed by the creative (their link stays valid);
 * staff moves issue a new one, since the old link is only in the creative's mail.
 */
export async function applyMove(
	trx: Tx,
	services: Services,
	booking: BookingRecord,
	input: MoveInput
): Promise<'ok' | 'slot_taken' | 'not_active'> {
	if (booking.status !== 'confirmed') return 'not_active';
	const now = input.now;
	const wanted: WantedSlot = {
		officeId: booking.officeId,
		consultantId: input.slot.consultantId ?? null,
		format: input.slot.format ?? booking.format,
		start: input.slot.start,
		sprechtagId: input.slot.sprechtagId ?? null
	};
	if (
		wanted.start === booking.start &&
		(wanted.consultantId ?? booking.consultantId) === booking.consultantId
	) {
		return 'slot_taken';
	}
	await expireStaleHolds(trx, now);
	const slot = await resolveSlot(trx, wanted, now, booking.id);
	if (!slot) return 'slot_taken';
	const manage = input.manageToken
		? { token: input.manageToken, hash: hashToken(input.manageToken) }
		: newToken();
	await moveBookingRow(trx, services, booking, slot, manage.hash, now.getTime());
	const after = (await loadBooking(trx, booking.id))!;
	await mailMove(trx, services, booking, after, manage.token, input);
	await auditBooking(trx, input, booking, 'booking.moved', {
		by: input.by,
		from: booking.start,
		to: slot.start,
		consultantId: slot.consultantId,
		sequence: after.icsSequence
	});
	return 'ok';
}

/** Only while still confirmed: a cancel that committed first wins. */
async function moveBookingRow(
	trx: Tx,
	services: Services,
	booking: BookingRecord,
	slot: Slot,
	manageHash: string,
	t: number
): Promise<void> {
	await trx
		.updateTable('booking')
		.set((eb) => ({
			start_at: slot.start,
			end_at: slot.end,
			consultant_id: slot.consultantId,
			format: slot.format,
			sprechtag_id: slot.sprechtagId,
			video_url:
				slot.format === 'video' ? (booking.videoUrl ?? videoUrlFor(services.config.videoBaseUrl)) : null,
			ics_sequence: eb('ics_sequence', '+', 1),
			manage_token_hash: manageHash,
			manage_token_expires_at: manageTokenExpiry(slot.end),
			reminder_sent_at: null,
			updated_at: t
		}))
		.where('id', '=', booking.id)
		.where('status', '=', 'confirmed')
		.execute();
}

async function mailMove(
	trx: Tx,
	services: Services,
	booking: BookingRecord,
	after: BookingRecord,
	manageToken: string,
	input: MoveInput
): Promise<void> {
	const settings = await getBookingSettings(trx, after.officeId);
	const mailCtx = { services, now: input.now, changeNoticeMinutes: settings.changeNoticeMinutes };
	// A new consultant must learn of it, and the old one that it is gone from their day.
	if (after.consultantId !== booking.consultantId) {
		const before = { ...booking, icsSequence: after.icsSequence };
		await mailConsultant(
			trx,
			mailCtx,
			before,
			mailBooking(before, settings.changeNoticeMinutes),
			'cancelled',
			{
				by: input.by,
				reason: input.reason
			}
		);
	}
	await mailMoved(trx, mailCtx, after, booking.start, manageToken, input.by, input.reason);
}

async function changeByCreative(
	services: Services,
	manageToken: string,
	change: Change,
	ctx: RequestContext
): Promise<ChangeResult> {
	if (!plausibleToken(manageToken)) return { ok: false, reason: 'invalid' };
	try {
		return await transactNow(
			services,
			async (trx, now): Promise<ChangeResult> => {
				const booking = await loadBookingByTokenHash(trx, 'manage_token_hash', hashToken(manageToken));
				if (!booking) return { ok: false, reason: 'invalid' };
				if ((booking.manageTokenExpiresAt ?? 0) <= now.getTime()) return { ok: false, reason: 'expired' };
				if (booking.status !== 'confirmed') return { ok: false, reason: 'not_active' };
				const settings = await getBookingSettings(trx, booking.officeId);
				if (now.getTime() > booking.start - settings.changeNoticeMinutes * 60_000) {
					return { ok: false, reason: 'too_late', officePhone: booking.officePhone };
				}
				const base = {
					by: 'creative' as const,
					actor: creativeActor(booking.id),
					now,
					requestId: ctx.requestId
				};
				if (change.kind === 'cancel') {
					const done = await applyCancel(trx, services, booking, {
						...base,
						reason: change.reason,
						reasonKey: change.reasonKey ?? null
					});
					return done ? { ok: true, bookingId: booking.id } : { ok: false, reason: 'not_active' };
				}
				// The creative moves within the booked format; the page offers only such slots.
				const outcome = await applyMove(trx, services, booking, {
					...base,
					slot: { ...change.slot, format: booking.format },
					reason: null,
					manageToken
				});
				if (outcome === 'ok') return { ok: true, bookingId: booking.id };
				return { ok: false, reason: outcome };
			},
			{ serializable: true, attempts: 8 }
		);
	} catch (err) {
		if (isOverlapError(err) || isSerializationFailure(err)) return { ok: false, reason: 'slot_taken' };
		throw err;
	}
}

/**
 * The creative cancels with the manage link; issue 16: with an optional reason from the list.
 * The office reads it in the cancellation mail (in German, the office's language).
 */
export function cancelByCreative(
	services: Services,
	manageToken: string,
	ctx: RequestContext = {},
	reasonKey: CancelReason | null = null
): Promise<ChangeResult> {
	const reason = reasonKey ? translate('de', `cancel.reason.${reasonKey}`) : null;
	return changeByCreative(services, manageToken, { kind: 'cancel', reason, reasonKey }, ctx);
}

export function rescheduleByCreative(
	services: Services,
	manageToken: string,
	newSlot: NewSlot,
	ctx: RequestContext = {}
): Promise<ChangeResult> {
	return changeByCreative(services, manageToken, { kind: 'move', slot: newSlot, reason: null }, ctx);
}

export const linkKeys = {
	address: (clientAddress: string) => throttleKey('booking-link-address', clientAddress),
	email: (email: string) => throttleKey('booking-link-email', email)
};

export type LinkRequestResult = { ok: true } | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * "Send me a new link": for every open booking of the address, a fresh manage link
 * (confirmed) or confirm link (held); older links stop working. The answer is the same whether
 * or not the address has bookings, and it is counted per client address and per address.
 */
export async function sendBookingLinks(
	services: Services,
	input: { email: string; clientAddress: string; locale: Locale },
	ctx: RequestContext = {}
): Promise<LinkRequestResult> {
	const { db, clock, config } = services;
	const now = clock.now();
	const t = now.getTime();
	const email = input.email.trim().toLowerCase();
	const decision: ThrottleDecision = strictest(
		await countHit(
			db,
			linkKeys.address(input.clientAddress),
			{ limit: config.publicFormLimit, windowMs: HOUR },
			now
		),
		await countHit(db, linkKeys.email(email), { limit: 3, windowMs: HOUR }, now)
	);
	if (!decision.allowed)
		return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
	await transact(db, async (trx) => {
		await expireStaleHolds(trx, now);
		const rows = await trx
			.selectFrom('booking')
			.select('id')
			.where('email', '=', email)
			.where('status', 'in', [...ACTIVE])
			.where('start_at', '>', t)
			.orderBy('start_at')
			.execute();
		for (const r of rows) {
			const b = (await loadBooking(trx, Number(r.id)))!;
			const token = newToken();
			const isManage = b.status === 'confirmed';
			await trx
				.updateTable('booking')
				.set(
					isManage
						? {
								manage_token_hash: token.hash,
								manage_token_expires_at: manageTokenExpiry(b.end),
								updated_at: t
							}
						: { confirm_token_hash: token.hash, updated_at: t }
				)
				.where('id', '=', b.id)
				.execute();
			const settings = await getBookingSettings(trx, b.officeId);
			const path = isManage ? `/termin/verwalten/${token.token}` : `/termin/bestaetigen/${token.token}`;
			const locale = input.locale;
			await enqueueMail(
				trx,
				{
					to: b.email,
					toName: b.name,
					locale,
					template: isManage ? 'booking.link.manage' : 'booking.link.confirm',
					mail: linkMail(locale, mailBooking(b, settings.changeNoticeMinutes), {
						kind: isManage ? 'manage' : 'confirm',
						link: absoluteLink(config.publicBaseUrl, locale, path)
					}),
					officeId: b.officeId,
					subject: { kind: 'booking', id: b.id }
				},
				now
			);
			const by = { actor: creativeActor(b.id), now, requestId: ctx.requestId };
			await auditBooking(trx, by, b, 'booking.link_sent');
		}
	});
	return { ok: true };
}
