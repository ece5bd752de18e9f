import { ensureCaseForBooking } from '../cases/index';
import { transact } from '../db/transaction';
import type { RequestContext } from '../identity/index';
import { hashToken, plausibleToken } from '../platform/tokens';
import type { Services } from '../runtime';
import {
	auditBooking,
	creativeActor,
	loadBooking,
	loadBookingByTokenHash,
	manageTokenExpiry,
	newToken,
	videoUrlFor
} from './commands-shared';
import { mailConfirmed } from './commands-mails';
import { getBookingSettings } from './settings';

/**
 * Double opt-in, step two: the creative opened the link from the mail and pressed the button
 * (POST; the link itself changes nothing). A held booking whose 30 minutes have not run out
 * becomes confirmed, gets its manage link and (for video) its video link, and both the
 * creative (with the .ics) and the consultant are told.
 */
export type ConfirmResult =
	| { ok: true; bookingId: number; manageToken: string }
	| { ok: false; reason: 'invalid' | 'expired' | 'used' | 'cancelled' };

export async function confirmBooking(
	services: Services,
	token: string,
	ctx: RequestContext = {}
): Promise<ConfirmResult> {
	if (!plausibleToken(token)) return { ok: false, reason: 'invalid' };
	const { db, clock, config } = services;
	const now = clock.now();
	const t = now.getTime();
	return transact(
		db,
		async (trx): Promise<ConfirmResult> => {
			const found = await loadBookingByTokenHash(trx, 'confirm_token_hash', hashToken(token));
			if (!found) return { ok: false, reason: 'invalid' };
			if (found.status === 'confirmed' || found.status === 'attended' || found.status === 'no_show') {
				return { ok: false, reason: 'used' };
			}
			if (found.status === 'cancelled') return { ok: false, reason: 'cancelled' };
			if (found.status === 'expired' || (found.holdExpiresAt ?? 0) <= t)
				return { ok: false, reason: 'expired' };
			const manage = newToken();
			// Conditional on the hold still being live: a parallel confirm or the expiry job loses cleanly.
			const res = await trx
				.updateTable('booking')
				.set({
					status: 'confirmed',
					confirmed_at: t,
					hold_expires_at: null,
					manage_token_hash: manage.hash,
					manage_token_expires_at: manageTokenExpiry(found.end),
					video_url: found.format === 'video' ? videoUrlFor(config.videoBaseUrl) : null,
					updated_at: t
				})
				.where('id', '=', found.id)
				.where('status', '=', 'held')
				.where('hold_expires_at', '>', t)
				.executeTakeFirst();
			if (Number(res.numUpdatedRows) !== 1) return { ok: false, reason: 'used' };
			await ensureCaseForBooking(trx, found.id, {
				now,
				verified: true,
				actor: { kind: 'creative', id: null }
			});
			const booking = (await loadBooking(trx, found.id))!;
			const settings = await getBookingSettings(trx, booking.officeId);
			await mailConfirmed(
				trx,
				{ services, now, changeNoticeMinutes: settings.changeNoticeMinutes },
				booking,
				manage.token,
				'creative'
			);
			const by = { actor: creativeActor(booking.id), now, requestId: ctx.requestId };
			const { format, start, consultantId } = booking;
			await auditBooking(trx, by, booking, 'booking.confirmed', { format, start, consultantId });
			return { ok: true, bookingId: booking.id, manageToken: manage.token };
		},
		{ serializable: true }
	);
}
