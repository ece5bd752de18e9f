import type { Locale } from '../../i18n/locale';
import type { Tx } from '../db/transaction';
import { enqueueMail, type OutgoingMail } from '../notifications/index';
import type { Services } from '../runtime';
import type { BookingRecord } from './commands-shared';
import { bookingIcs } from './ics';
import {
	calendarEntryTexts,
	cancelledMail,
	confirmedMail,
	consultantMail,
	holdMail,
	type MailBooking,
	movedMail,
	reminderMail
} from './mails';

/**
 * The outbox rows of each booking change, written in the command's transaction: the
 * creative's mail (with the .ics where a calendar should change) and the consultant's.
 */

export function absoluteLink(publicBaseUrl: string, locale: Locale, path: string): string {
	const localized = locale === 'en' ? `/en${path}` : path;
	return publicBaseUrl.replace(/\/$/, '') + localized;
}

function uidFor(publicBaseUrl: string, bookingId: number): string {
	let host = 'kreativlotse';
	try {
		host = new URL(publicBaseUrl).hostname || host;
	} catch {
		// keep the fallback
	}
	return `booking-${bookingId}@${host}`;
}

/** The calendar entry of a booking as it stands (sequence = the booking's ics_sequence). */
export function icsFor(
	services: Pick<Services, 'config'>,
	b: BookingRecord,
	method: 'PUBLISH' | 'REQUEST' | 'CANCEL',
	now: Date,
	texts: { summary: string; location: string; description: string }
): string {
	return bookingIcs({
		method,
		uid: uidFor(services.config.publicBaseUrl, b.id),
		sequence: b.icsSequence,
		start: b.start,
		end: b.end,
		summary: texts.summary,
		location: texts.location,
		description: texts.description,
		organizer: { name: b.officeName, email: b.officeEmail || 'no-reply@kreativlotse.invalid' },
		attendee: method === 'PUBLISH' ? null : { name: b.name, email: b.email },
		cancelled: b.status === 'cancelled',
		stamp: now.getTime()
	});
}

export function mailBooking(b: BookingRecord, changeNoticeMinutes: number): MailBooking {
	return {
		id: b.id,
		name: b.name,
		format: b.format,
		start: b.start,
		end: b.end,
		officeName: b.officeName,
		officePhone: b.officePhone,
		officeEmail: b.officeEmail,
		officeAddress: [b.officeStreet, [b.officePostcode, b.officeCity].filter(Boolean).join(' ')]
			.filter(Boolean)
			.join(', '),
		consultantName: b.consultantName,
		phone: b.phone,
		videoUrl: b.videoUrl,
		sprechtag: b.sprechtag,
		changeDeadline: b.start - changeNoticeMinutes * 60_000
	};
}

export interface MailContext {
	services: Pick<Services, 'config'>;
	now: Date;
	changeNoticeMinutes: number;
}

/** A mail about the booking to the creative who made it: their address, name and language. */
function mailCreative(
	trx: Tx,
	c: MailContext,
	b: BookingRecord,
	mail: Omit<OutgoingMail, 'to' | 'toName' | 'locale' | 'officeId' | 'subject'>
) {
	const about = { officeId: b.officeId, subject: { kind: 'booking', id: b.id } };
	return enqueueMail(trx, { to: b.email, toName: b.name, locale: b.locale, ...mail, ...about }, c.now);
}

/** The creative's calendar entry as the booking now stands. */
function creativeIcs(c: MailContext, b: BookingRecord, m: MailBooking, method: 'REQUEST' | 'CANCEL') {
	return icsFor(c.services, b, method, c.now, calendarTexts(b, m, b.locale));
}

export async function mailHold(trx: Tx, c: MailContext, b: BookingRecord, confirmToken: string) {
	const link = absoluteLink(c.services.config.publicBaseUrl, b.locale, `/termin/bestaetigen/${confirmToken}`);
	await mailCreative(trx, c, b, {
		template: 'booking.hold',
		mail: holdMail(b.locale, mailBooking(b, c.changeNoticeMinutes), {
			link,
			holdUntil: b.holdExpiresAt ?? b.start
		}),
		// Issue 12: after the hold ends the confirmation link leads nowhere; never send it late.
		validUntil: b.holdExpiresAt ?? b.start
	});
}

/** The creative's links of a confirmed booking: manage page and .ics download. */
function manageLinks(c: MailContext, b: BookingRecord, manageToken: string | null) {
	if (!manageToken) return { manage: null, ics: null };
	const base = c.services.config.publicBaseUrl;
	return {
		manage: absoluteLink(base, b.locale, `/termin/verwalten/${manageToken}`),
		ics: absoluteLink(base, b.locale, `/termin/verwalten/${manageToken}/termin.ics`)
	};
}

function calendarTexts(_b: BookingRecord, m: MailBooking, locale: Locale) {
	return calendarEntryTexts(locale, m);
}

export async function mailConfirmed(
	trx: Tx,
	c: MailContext,
	b: BookingRecord,
	manageToken: string,
	by: 'creative' | 'staff'
) {
	const m = mailBooking(b, c.changeNoticeMinutes);
	const links = manageLinks(c, b, manageToken);
	await mailCreative(trx, c, b, {
		template: 'booking.confirmed',
		mail: confirmedMail(b.locale, m, { manageLink: links.manage!, icsLink: links.ics! }),
		ics: creativeIcs(c, b, m, 'REQUEST')
	});
	await mailConsultant(trx, c, b, m, by === 'staff' ? 'bookedByStaff' : 'booked', null);
}

export async function mailConsultant(
	trx: Tx,
	c: MailContext,
	b: BookingRecord,
	m: MailBooking,
	event: 'booked' | 'bookedByStaff' | 'cancelled' | 'moved',
	extra: { previousStart?: number; reason?: string | null; by?: 'creative' | 'staff' } | null
) {
	const locale = b.consultantLocale;
	const link = absoluteLink(c.services.config.publicBaseUrl, locale, '/intern');
	await enqueueMail(
		trx,
		{
			to: b.consultantEmail,
			toName: b.consultantName,
			locale,
			template: `booking.consultant.${event}`,
			mail: consultantMail.render(locale, event, m, { link, ...extra }),
			officeId: b.officeId,
			subject: { kind: 'booking', id: b.id },
			ics: icsFor(
				c.services,
				b,
				event === 'cancelled' ? 'CANCEL' : 'REQUEST',
				c.now,
				calendarTexts(b, m, locale)
			)
		},
		c.now
	);
}

export async function mailCancelled(
	trx: Tx,
	c: MailContext,
	b: BookingRecord,
	by: 'creative' | 'staff',
	reason: string | null
) {
	const m = mailBooking(b, c.changeNoticeMinutes);
	const rebook = absoluteLink(c.services.config.publicBaseUrl, b.locale, '/termin');
	await mailCreative(trx, c, b, {
		template: 'booking.cancelled',
		mail: cancelledMail(b.locale, m, { by, reason, rebookLink: rebook }),
		ics: creativeIcs(c, b, m, 'CANCEL')
	});
	await mailConsultant(trx, c, b, m, 'cancelled', { by, reason });
}

export async function mailMoved(
	trx: Tx,
	c: MailContext,
	b: BookingRecord,
	previousStart: number,
	manageToken: string,
	by: 'creative' | 'staff',
	reason: string | null
) {
	const m = mailBooking(b, c.changeNoticeMinutes);
	const links = manageLinks(c, b, manageToken);
	await mailCreative(trx, c, b, {
		template: 'booking.moved',
		mail: movedMail(b.locale, m, {
			previousStart,
			by,
			reason,
			manageLink: links.manage!,
			icsLink: links.ics!
		}),
		ics: creativeIcs(c, b, m, 'REQUEST')
	});
	await mailConsultant(trx, c, b, m, 'moved', { previousStart, by, reason });
}

export async function mailReminder(trx: Tx, c: MailContext, b: BookingRecord) {
	const m = mailBooking(b, c.changeNoticeMinutes);
	const newLink = absoluteLink(c.services.config.publicBaseUrl, b.locale, '/termin/link-anfordern');
	await mailCreative(trx, c, b, {
		template: 'booking.reminder',
		mail: reminderMail(b.locale, m, { requestLink: newLink }),
		// Exactly once, even if two instances both got this far (the claim makes it rarer still).
		dedupeKey: `booking-reminder-${b.id}`
	});
}
