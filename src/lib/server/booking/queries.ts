import type { Locale } from '../../i18n/locale';
import type { BookingFormat, BookingStatus } from '../db/schema';
import type { Db, Tx } from '../db/transaction';
import { type SprechtagView, sprechtagPlace, sprechtagPlaceColumns } from './availability';
import { hashToken, plausibleToken } from '../platform/tokens';
import type { Services } from '../runtime';
import { referenceChoices } from '../reference/index';
import { type BookingRecord, loadBookingByTokenHash } from './commands-shared';
import { icsFor, mailBooking } from './commands-mails';
import { calendarEntryTexts, describeWhere } from './mails';
import { currentConsentTexts } from './consent';
import { getBookingSettings } from './settings';
import { isPlaceholderVideoUrl } from './video-link';

/**
 * Reads of bookings for the public pages a mail link opens. The token in the URL is the proof
 * of access (only its SHA-256 is stored); what comes back is what the creative may see of
 * their own booking. Staff reads live in calendar-queries.ts (scoped by the gate).
 */
type Reader = Db | Tx;

export interface PublicBooking {
	id: number;
	status: BookingStatus;
	format: BookingFormat;
	start: number;
	end: number;
	holdExpiresAt: number | null;
	name: string;
	officeId: number;
	officeName: string;
	officePhone: string;
	officeEmail: string;
	consultantId: number;
	consultantName: string;
	/** Where it happens, one line in the reader's language. */
	where: string;
	videoUrl: string | null;
	/** The video link is a placeholder: no video service is configured (booking/video-link.ts). */
	videoPlaceholder: boolean;
	sprechtagId: number | null;
	/** Changes by the creative are possible until this instant. */
	changeDeadline: number;
}

function toPublic(b: BookingRecord, locale: Locale, changeNoticeMinutes: number): PublicBooking {
	const m = mailBooking(b, changeNoticeMinutes);
	return {
		id: b.id,
		status: b.status,
		format: b.format,
		start: b.start,
		end: b.end,
		holdExpiresAt: b.holdExpiresAt,
		name: b.name,
		officeId: b.officeId,
		officeName: b.officeName,
		officePhone: b.officePhone,
		officeEmail: b.officeEmail,
		consultantId: b.consultantId,
		consultantName: b.consultantName,
		where: describeWhere(locale, m),
		videoUrl: b.videoUrl,
		videoPlaceholder: isPlaceholderVideoUrl(b.videoUrl),
		sprechtagId: b.sprechtagId,
		changeDeadline: m.changeDeadline
	};
}

export type ConfirmPage =
	| { ok: true; booking: PublicBooking }
	| { ok: false; reason: 'invalid' | 'expired' | 'used' | 'cancelled' };

/** What a confirm link is worth right now, without using it. */
export async function confirmPage(
	db: Reader,
	token: string,
	locale: Locale,
	now: Date
): Promise<ConfirmPage> {
	if (!plausibleToken(token)) return { ok: false, reason: 'invalid' };
	const b = await loadBookingByTokenHash(db, 'confirm_token_hash', hashToken(token));
	if (!b) return { ok: false, reason: 'invalid' };
	if (b.status === 'confirmed' || b.status === 'attended' || b.status === 'no_show')
		return { ok: false, reason: 'used' };
	if (b.status === 'cancelled') return { ok: false, reason: 'cancelled' };
	if (b.status === 'expired' || (b.holdExpiresAt ?? 0) <= now.getTime())
		return { ok: false, reason: 'expired' };
	const settings = await getBookingSettings(db, b.officeId);
	return { ok: true, booking: toPublic(b, locale, settings.changeNoticeMinutes) };
}

export type ManagePage =
	| { ok: true; booking: PublicBooking; canChange: boolean }
	| { ok: false; reason: 'invalid' | 'expired' };

export async function managePage(db: Reader, token: string, locale: Locale, now: Date): Promise<ManagePage> {
	if (!plausibleToken(token)) return { ok: false, reason: 'invalid' };
	const b = await loadBookingByTokenHash(db, 'manage_token_hash', hashToken(token));
	if (!b) return { ok: false, reason: 'invalid' };
	if ((b.manageTokenExpiresAt ?? 0) <= now.getTime()) return { ok: false, reason: 'expired' };
	const settings = await getBookingSettings(db, b.officeId);
	const booking = toPublic(b, locale, settings.changeNoticeMinutes);
	return {
		ok: true,
		booking,
		canChange: b.status === 'confirmed' && now.getTime() <= booking.changeDeadline
	};
}

/** The calendar entry behind the manage link (METHOD:CANCEL once cancelled). */
export async function manageIcs(
	services: Pick<Services, 'db' | 'config'>,
	token: string,
	locale: Locale,
	now: Date
): Promise<string | null> {
	if (!plausibleToken(token)) return null;
	const b = await loadBookingByTokenHash(services.db, 'manage_token_hash', hashToken(token));
	if (!b || (b.manageTokenExpiresAt ?? 0) <= now.getTime()) return null;
	const settings = await getBookingSettings(services.db, b.officeId);
	// A download publishes the entry (cancelled ones marked so); REQUEST/CANCEL are for mails only.
	return icsFor(
		services,
		b,
		'PUBLISH',
		now,
		calendarEntryTexts(locale, mailBooking(b, settings.changeNoticeMinutes))
	);
}

/** Planned Sprechtage of an office from `fromDate` (Berlin 'YYYY-MM-DD') on: is the format worth offering? */
export async function hasUpcomingSprechtage(
	db: Reader,
	officeId: number,
	fromDate: string
): Promise<boolean> {
	const row = await db
		.selectFrom('sprechtag')
		.select('id')
		.where('office_id', '=', officeId)
		.where('status', '=', 'planned')
		.where('date', '>=', fromDate)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

/** Town and venue of Sprechtage by id, for the slot list. */
export async function sprechtagPlaces(
	db: Reader,
	ids: number[]
): Promise<Map<number, { town: string; venue: string }>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.selectFrom('sprechtag')
		.select(['id', 'town', 'venue'])
		.where('id', 'in', ids)
		.execute();
	return new Map(rows.map((r) => [Number(r.id), { town: r.town, venue: r.venue }]));
}

/** A planned Sprechtag as the public sees it: its office and place, never its consultant. */
export interface PublicSprechtag extends Omit<SprechtagView, 'consultantId' | 'consultantName' | 'status'> {
	officeKey: string;
	officeName: string;
	/** A Land the office serves (for the booking link). */
	landIso: string | null;
}

/**
 * Planned Sprechtage from `fromDate` on, for the public events list (issue 5 shows the booking
 * issue's Sprechtage next to the events): by office, Land and month ('YYYY-MM').
 */
export async function upcomingSprechtage(
	db: Reader,
	filter: { officeId: number | null; landIso: string | null; month: string | null },
	fromDate: string
): Promise<PublicSprechtag[]> {
	let q = db
		.selectFrom('sprechtag as s')
		.innerJoin('office as o', 'o.id', 's.office_id')
		.select([
			...sprechtagPlaceColumns,
			'o.key as office_key',
			'o.name as office_name',
			(eb) =>
				eb
					.selectFrom('office_land as ol')
					.select('ol.land_iso')
					.whereRef('ol.office_id', '=', 'o.id')
					.orderBy('ol.land_iso')
					.limit(1)
					.as('land_iso')
		])
		.where('s.status', '=', 'planned')
		.where('o.active', '=', 1)
		.where('s.date', '>=', fromDate);
	if (filter.officeId !== null) q = q.where('s.office_id', '=', filter.officeId);
	if (filter.landIso !== null) {
		const land = filter.landIso;
		q = q.where((eb) =>
			eb.exists(
				eb
					.selectFrom('office_land as ol2')
					.select('ol2.office_id')
					.whereRef('ol2.office_id', '=', 's.office_id')
					.where('ol2.land_iso', '=', land)
			)
		);
	}
	if (filter.month !== null) q = q.where('s.date', 'like', `${filter.month}-%`);
	const rows = await q.orderBy('s.date').orderBy('s.start_time').limit(100).execute();
	return rows.map((r) => ({
		...sprechtagPlace(r),
		officeKey: r.office_key,
		officeName: r.office_name,
		landIso: r.land_iso ?? null
	}));
}

/**
 * What the intake form (step 5 of /termin) offers: the active sub-markets, stages and topics by
 * name, and the current consent texts in the visitor's language (issue 17: one read).
 */
export async function intakeChoices(db: Db | Tx, locale: Locale) {
	const [submarkets, stages, topics, consents] = await Promise.all([
		referenceChoices(db, 'submarket', locale),
		referenceChoices(db, 'stage', locale),
		referenceChoices(db, 'topic', locale),
		currentConsentTexts(db)
	]);
	return {
		submarkets,
		stages,
		topics,
		consents: {
			processing: consents.processing[locale],
			notes: consents.notes[locale],
			news: consents.news[locale]
		}
	};
}
