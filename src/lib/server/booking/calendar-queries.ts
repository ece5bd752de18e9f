import { addDays, berlinDate, berlinInstant, isoWeekday } from '../../time/berlin';
import { type OfficeScope, scopeIncludes } from '../access/scope';
import type { BookingFormat, BookingStatus } from '../db/schema';
import type { Db, Tx } from '../db/transaction';
import { listLaender, listStages, listSubmarkets, listTopics } from '../reference/index';
import type { ApiReference } from './api-schema';
import type { OfficeActor } from './settings';
import { isPlaceholderVideoUrl } from './video-link';

/**
 * Reads for the staff calendar. Every read takes the gate's OfficeScope and the viewer: office
 * leads and network admins see the whole office, consultants only their own bookings (another
 * consultant's booking answers "not found", like another office's).
 */
type Reader = Db | Tx;

export type CalendarView = 'tag' | 'woche';

export interface CalendarBooking {
	id: number;
	officeId: number;
	consultantId: number;
	consultantName: string;
	format: BookingFormat;
	kind: 'first' | 'follow_up';
	status: BookingStatus;
	start: number;
	end: number;
	holdUntil: number | null;
	name: string;
	sprechtagTown: string | null;
}

export interface CalendarConsultant {
	id: number;
	name: string;
}

export interface HistoryEntry {
	at: number;
	action: string;
	actorKind: string;
	actorLabel: string;
	data: Record<string, unknown>;
}

export interface BookingDetail extends CalendarBooking {
	/** The case file the booking belongs to (set once it is confirmed). */
	caseId: number | null;
	email: string;
	phone: string | null;
	postcode: string | null;
	land: string;
	submarket: string;
	stage: string;
	topics: string[];
	concern: string;
	heardFrom: string | null;
	locale: string;
	consents: {
		processingVersion: number;
		notesVersion: number | null;
		newsVersion: number | null;
		at: number;
	};
	videoUrl: string | null;
	/** No video service is configured: the link is a placeholder (video-link.ts). */
	videoPlaceholder: boolean;
	createdBy: number | null;
	createdAt: number;
	confirmedAt: number | null;
	cancelledAt: number | null;
	cancelReason: string | null;
	history: HistoryEntry[];
}

export function seesWholeOffice(viewer: Pick<OfficeActor, 'role'>): boolean {
	return viewer.role === 'office_lead' || viewer.role === 'network_admin';
}

/** The days a calendar page shows: the day itself, or the Monday-to-Sunday week around it. */
export function calendarDays(day: string, view: CalendarView): string[] {
	if (view === 'tag') return [day];
	const monday = addDays(day, 1 - isoWeekday(day));
	return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** Previous, next and today for the navigation links. */
export function calendarNavigation(day: string, view: CalendarView, now: Date) {
	const step = view === 'tag' ? 1 : 7;
	return { previous: addDays(day, -step), next: addDays(day, step), today: berlinDate(now) };
}

/**
 * Whom the viewer may see in the calendar: consultants themselves only; leads every active
 * member of the office (leads consult too).
 */
export async function calendarConsultants(
	db: Reader,
	scope: OfficeScope,
	viewer: OfficeActor,
	officeId: number
): Promise<CalendarConsultant[]> {
	if (!scopeIncludes(scope, officeId)) return [];
	let q = db
		.selectFrom('staff_membership as m')
		.innerJoin('staff_user as u', 'u.id', 'm.user_id')
		.select(['u.id', 'u.name'])
		.where('m.office_id', '=', officeId)
		.where('u.disabled_at', 'is', null);
	if (!seesWholeOffice(viewer)) q = q.where('u.id', '=', viewer.id);
	const rows = await q.execute();
	return rows
		.map((r) => ({ id: Number(r.id), name: r.name }))
		.sort((a, b) => a.name.localeCompare(b.name, 'de') || a.id - b.id);
}

function baseQuery(db: Reader) {
	return db
		.selectFrom('booking as b')
		.innerJoin('staff_user as u', 'u.id', 'b.consultant_id')
		.leftJoin('sprechtag as s', 's.id', 'b.sprechtag_id')
		.select([
			'b.id',
			'b.office_id',
			'b.consultant_id',
			'u.name as consultant_name',
			'b.format',
			'b.kind',
			'b.status',
			'b.start_at',
			'b.end_at',
			'b.hold_expires_at',
			'b.name',
			's.town as sprechtag_town'
		]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

function toCalendarBooking(r: BaseRow): CalendarBooking {
	return {
		id: Number(r.id),
		officeId: Number(r.office_id),
		consultantId: Number(r.consultant_id),
		consultantName: r.consultant_name,
		format: r.format,
		kind: r.kind,
		status: r.status,
		start: Number(r.start_at),
		end: Number(r.end_at),
		holdUntil: r.hold_expires_at == null ? null : Number(r.hold_expires_at),
		name: r.name,
		sprechtagTown: r.sprechtag_town ?? null
	};
}

/**
 * Bookings of the office on the given Berlin days (expired holds left out: they never took
 * place and were never confirmed), sorted by start. `consultantId` narrows a lead's view.
 */
export async function listCalendar(
	db: Reader,
	scope: OfficeScope,
	viewer: OfficeActor,
	query: { officeId: number; days: string[]; consultantId?: number | null }
): Promise<CalendarBooking[]> {
	if (!scopeIncludes(scope, query.officeId) || query.days.length === 0) return [];
	const from = berlinInstant(query.days[0]!, '00:00');
	const to = berlinInstant(addDays(query.days[query.days.length - 1]!, 1), '00:00');
	let q = baseQuery(db)
		.where('b.office_id', '=', query.officeId)
		.where('b.start_at', '>=', from)
		.where('b.start_at', '<', to)
		.where('b.status', '!=', 'expired');
	if (!seesWholeOffice(viewer)) q = q.where('b.consultant_id', '=', viewer.id);
	else if (query.consultantId) q = q.where('b.consultant_id', '=', query.consultantId);
	const rows = await q.orderBy('b.start_at').orderBy('b.id').execute();
	return rows.map(toCalendarBooking);
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

/** One booking with intake data, consents and its history (audit rows), or null if not visible. */
export async function getCalendarBooking(
	db: Reader,
	scope: OfficeScope,
	viewer: OfficeActor,
	officeId: number,
	bookingId: number
): Promise<BookingDetail | null> {
	if (!scopeIncludes(scope, officeId) || !Number.isSafeInteger(bookingId) || bookingId <= 0) return null;
	const r = await detailRow(db, viewer, officeId, bookingId);
	if (!r) return null;
	const audit = await db
		.selectFrom('audit_event')
		.select(['at', 'action', 'actor_kind', 'actor_label', 'data'])
		.where('subject_kind', '=', 'booking')
		.where('subject_id', '=', String(bookingId))
		.orderBy('at')
		.orderBy('id')
		.execute();
	return { ...toBookingDetail(r), history: audit.map(toHistoryEntry) };
}

/** A consultant who is not the booking's sees no row, as for another office's booking. */
async function detailRow(db: Reader, viewer: OfficeActor, officeId: number, bookingId: number) {
	let q = baseQuery(db)
		.select([
			'b.email',
			'b.phone',
			'b.postcode',
			'b.land_iso',
			'b.submarket',
			'b.stage',
			'b.topics',
			'b.concern',
			'b.heard_from',
			'b.locale',
			'b.consent_processing_version',
			'b.consent_notes_version',
			'b.consent_news_version',
			'b.consented_at',
			'b.video_url',
			'b.created_by',
			'b.created_at',
			'b.confirmed_at',
			'b.cancelled_at',
			'b.cancel_reason',
			'b.case_id'
		])
		.where('b.id', '=', bookingId)
		.where('b.office_id', '=', officeId);
	if (!seesWholeOffice(viewer)) q = q.where('b.consultant_id', '=', viewer.id);
	return q.executeTakeFirst();
}

type DetailRow = NonNullable<Awaited<ReturnType<typeof detailRow>>>;

function toBookingDetail(r: DetailRow): Omit<BookingDetail, 'history'> {
	const topics = parseJson(r.topics);
	const n = (v: number | null) => (v == null ? null : Number(v));
	return {
		...toCalendarBooking(r),
		caseId: n(r.case_id),
		email: r.email,
		phone: r.phone,
		postcode: r.postcode,
		land: r.land_iso,
		submarket: r.submarket,
		stage: r.stage,
		topics: Array.isArray(topics) ? topics.filter((t): t is string => typeof t === 'string') : [],
		concern: r.concern,
		heardFrom: r.heard_from,
		locale: r.locale,
		consents: {
			processingVersion: Number(r.consent_processing_version),
			notesVersion: n(r.consent_notes_version),
			newsVersion: n(r.consent_news_version),
			at: Number(r.consented_at)
		},
		videoUrl: r.video_url,
		videoPlaceholder: isPlaceholderVideoUrl(r.video_url),
		createdBy: n(r.created_by),
		createdAt: Number(r.created_at),
		confirmedAt: n(r.confirmed_at),
		cancelledAt: n(r.cancelled_at),
		cancelReason: r.cancel_reason
	};
}

/** Audit data that is not a JSON object (or not JSON) shows as no data rather than failing the page. */
function toHistoryEntry(a: {
	at: number;
	action: string;
	actor_kind: string;
	actor_label: string;
	data: string;
}): HistoryEntry {
	const data = parseJson(a.data);
	return {
		at: Number(a.at),
		action: a.action,
		actorKind: a.actor_kind,
		actorLabel: a.actor_label,
		data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}
	};
}

/** The reference keys a booking may name (active entries only, as on the public form). */
export async function bookingReferenceKeys(db: Reader): Promise<ApiReference> {
	const [laender, submarkets, stages, topics] = await Promise.all([
		listLaender(db),
		listSubmarkets(db, 'de', { activeOnly: true }),
		listStages(db, 'de', { activeOnly: true }),
		listTopics(db, 'de', { activeOnly: true })
	]);
	return {
		laender: laender.map((l) => l.iso),
		submarkets: submarkets.map((e) => e.key),
		stages: stages.map((e) => e.key),
		topics: topics.map((e) => e.key)
	};
}
