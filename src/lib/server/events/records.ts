import type { Locale } from '../../i18n/locale';
import type { EventStatus, RegistrationStatus } from '../db/schema';
import type { Db, Tx } from '../db/transaction';
import type { EventFields } from './schema';

/**
 * Rows of the events domain as domain objects (internal to events/). No scope here: callers
 * have proven access (the gate's scope in queries.ts, a token in register.ts).
 */
export const asLocale = (v: string): Locale => (v === 'en' ? 'en' : 'de');

export interface EventRecord extends EventFields {
	id: number;
	officeId: number | null;
	office: {
		key: string;
		name: string;
		email: string;
		phone: string;
		street: string;
		postcode: string;
		city: string;
	} | null;
	status: EventStatus;
	publishedAt: number | null;
	cancelledAt: number | null;
	cancelReason: string | null;
	followupSentAt: number | null;
	icsSequence: number;
	createdAt: number;
	updatedAt: number;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

function parseList(text: string): string[] {
	try {
		const v = JSON.parse(text) as unknown;
		return Array.isArray(v) ? v.map(String) : [];
	} catch {
		return [];
	}
}

export function eventQuery(db: Db | Tx) {
	return db
		.selectFrom('event as e')
		.leftJoin('office as o', 'o.id', 'e.office_id')
		.selectAll('e')
		.select([
			'o.key as o_key',
			'o.name as o_name',
			'o.email as o_email',
			'o.phone as o_phone',
			'o.street as o_street',
			'o.postcode as o_postcode',
			'o.city as o_city'
		]);
}

type EventRow = Awaited<ReturnType<ReturnType<typeof eventQuery>['executeTakeFirstOrThrow']>>;

export function toEvent(r: EventRow): EventRecord {
	return {
		id: Number(r.id),
		officeId: num(r.office_id),
		office:
			r.office_id === null || r.o_key === null
				? null
				: {
						key: r.o_key,
						name: r.o_name ?? '',
						email: r.o_email ?? '',
						phone: r.o_phone ?? '',
						street: r.o_street ?? '',
						postcode: r.o_postcode ?? '',
						city: r.o_city ?? ''
					},
		type: r.type,
		title: r.title,
		description: r.description,
		submarkets: parseList(r.submarkets),
		topics: parseList(r.topics),
		format: r.format,
		venueName: r.venue_name,
		venueAddress: r.venue_address,
		venueLand: r.venue_land,
		accessibility: r.accessibility,
		onlineUrl: r.online_url,
		start: Number(r.start_at),
		end: Number(r.end_at),
		capacity: num(r.capacity),
		registrationOpensAt: num(r.registration_opens_at),
		registrationClosesAt: num(r.registration_closes_at),
		offerHours: Number(r.offer_hours),
		questions: parseList(r.questions),
		contactName: r.contact_name,
		contactEmail: r.contact_email,
		materialsUrl: r.materials_url,
		status: r.status,
		publishedAt: num(r.published_at),
		cancelledAt: num(r.cancelled_at),
		cancelReason: r.cancel_reason,
		followupSentAt: num(r.followup_sent_at),
		icsSequence: Number(r.ics_sequence),
		createdAt: Number(r.created_at),
		updatedAt: Number(r.updated_at)
	};
}

/** What every page and list of an event names first: which event, of what kind and format, and when. */
export function eventHeadline(e: EventRecord) {
	const { id, title, type, format, start, end } = e;
	return { id, title, type, format, start, end };
}

export async function loadEvent(db: Db | Tx, id: number): Promise<EventRecord | null> {
	if (!Number.isSafeInteger(id) || id <= 0) return null;
	const row = await eventQuery(db).where('e.id', '=', id).executeTakeFirst();
	return row ? toEvent(row) : null;
}

export interface RegistrationRecord {
	id: number;
	eventId: number;
	status: RegistrationStatus;
	attendance: 'attended' | 'no_show' | null;
	name: string;
	email: string;
	submarket: string | null;
	answers: string[];
	locale: Locale;
	holdExpiresAt: number | null;
	offerExpiresAt: number | null;
	waitlistedAt: number | null;
	waitlistConfirmedAt: number | null;
	cancelReasonKey: string | null;
	confirmedAt: number | null;
	cancelledAt: number | null;
	cancelledBy: string | null;
	reconfirmSentAt: number | null;
	reconfirmedAt: number | null;
	reminderSentAt: number | null;
	attendanceAt: number | null;
	feedbackRating: number | null;
	feedbackComment: string | null;
	feedbackAt: number | null;
	createdAt: number;
}

export function registrationQuery(db: Db | Tx) {
	return db.selectFrom('event_registration as r').selectAll('r');
}

type RegistrationRow = Awaited<ReturnType<ReturnType<typeof registrationQuery>['executeTakeFirstOrThrow']>>;

export function toRegistration(r: RegistrationRow): RegistrationRecord {
	return {
		id: Number(r.id),
		eventId: Number(r.event_id),
		status: r.status,
		attendance: r.attendance,
		name: r.name,
		email: r.email,
		submarket: r.submarket,
		answers: parseList(r.answers),
		locale: asLocale(r.locale),
		holdExpiresAt: num(r.hold_expires_at),
		offerExpiresAt: num(r.offer_expires_at),
		waitlistedAt: num(r.waitlisted_at),
		waitlistConfirmedAt: num(r.waitlist_confirmed_at),
		cancelReasonKey: r.cancel_reason_key,
		confirmedAt: num(r.confirmed_at),
		cancelledAt: num(r.cancelled_at),
		cancelledBy: r.cancelled_by,
		reconfirmSentAt: num(r.reconfirm_sent_at),
		reconfirmedAt: num(r.reconfirmed_at),
		reminderSentAt: num(r.reminder_sent_at),
		attendanceAt: num(r.attendance_at),
		feedbackRating: num(r.feedback_rating),
		feedbackComment: r.feedback_comment,
		feedbackAt: num(r.feedback_at),
		createdAt: Number(r.created_at)
	};
}

export async function loadRegistration(db: Db | Tx, id: number): Promise<RegistrationRecord | null> {
	const row = await registrationQuery(db).where('r.id', '=', id).executeTakeFirst();
	return row ? toRegistration(row) : null;
}

export async function registrationsOf(db: Db | Tx, eventId: number): Promise<RegistrationRecord[]> {
	const rows = await registrationQuery(db)
		.where('r.event_id', '=', eventId)
		.orderBy('r.created_at')
		.orderBy('r.id')
		.execute();
	return rows.map(toRegistration);
}
