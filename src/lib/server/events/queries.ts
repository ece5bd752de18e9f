import { DAY } from '../../time/durations';
import type { OfficeScope } from '../access/scope';
import type { EventType } from '../db/schema';
import type { Db, Tx } from '../db/transaction';
import { writeCsv } from '../platform/csv';
import { eventPageUrl } from './ics';
import {
	type EventRecord,
	eventHeadline,
	eventQuery,
	loadEvent,
	type RegistrationRecord,
	registrationsOf,
	toEvent
} from './records';
import { type PublicListFilter, wherePublicFilter } from './public-filter';
import { type AttendanceCounts, attendanceCounts, eventActionAllowed, takesPlace, waitState } from './rules';
import { formValuesOf } from './schema';
import { mayManage, type EventStaff } from './staff';

/**
 * Reads. Public ones show published (and cancelled, marked) events and counts, never a
 * person; staff ones take the gate's scope (EventStaff) and answer null for another office's
 * event, like a missing one.
 */
export interface PlaceCounts {
	/** Places taken: confirmed, live holds and live offers. */
	registered: number;
	waitlisted: number;
	/** Free places (null: no limit). */
	remaining: number | null;
}

export async function placeCounts(
	db: Db | Tx,
	eventIds: readonly number[],
	now: number
): Promise<Map<number, PlaceCounts>> {
	const out = new Map<number, PlaceCounts>();
	if (eventIds.length === 0) return out;
	const rows = await db
		.selectFrom('event_registration')
		.select([
			'event_id',
			'status',
			'hold_expires_at',
			'offer_expires_at',
			'waitlisted_at',
			'waitlist_confirmed_at',
			'created_at'
		])
		.where('event_id', 'in', [...eventIds])
		.where('status', 'in', ['pending', 'confirmed', 'offered', 'waitlisted'])
		.execute();
	const caps = await db
		.selectFrom('event')
		.select(['id', 'capacity'])
		.where('id', 'in', [...eventIds])
		.execute();
	for (const id of eventIds) out.set(id, { registered: 0, waitlisted: 0, remaining: null });
	for (const r of rows) {
		const c = out.get(Number(r.event_id))!;
		const reg = {
			status: r.status,
			holdExpiresAt: r.hold_expires_at === null ? null : Number(r.hold_expires_at),
			offerExpiresAt: r.offer_expires_at === null ? null : Number(r.offer_expires_at)
		};
		if (takesPlace(reg, now)) c.registered++;
		// Issue 16: a join not confirmed within 24 h has lapsed and no longer waits.
		const wait = waitState(
			{
				status: r.status,
				waitlistedAt: r.waitlisted_at === null ? null : Number(r.waitlisted_at),
				waitlistConfirmedAt: r.waitlist_confirmed_at === null ? null : Number(r.waitlist_confirmed_at),
				createdAt: Number(r.created_at)
			},
			now
		);
		if (wait === 'confirmed' || wait === 'unconfirmed') c.waitlisted++;
	}
	for (const cap of caps) {
		const c = out.get(Number(cap.id))!;
		c.remaining = cap.capacity === null ? null : Math.max(0, Number(cap.capacity) - c.registered);
	}
	return out;
}

export interface PublicEventSummary {
	event: EventRecord;
	counts: PlaceCounts;
}

/** Upcoming published and cancelled events (ending after now), soonest first, filtered in SQL. */
export async function listPublicEvents(
	db: Db | Tx,
	filter: PublicListFilter,
	now: Date,
	options: { includeCancelled?: boolean; limit?: number } = {}
): Promise<PublicEventSummary[]> {
	return (await publicEventsPage(db, filter, now, { ...options, page: 1, pageSize: options.limit ?? 500 }))
		.events;
}

/** /veranstaltungen shows 25 events a page. */
export const EVENT_PAGE_SIZE = 25;

/**
 * One page of upcoming events: filters, text search, count and page in SQL; the upcoming ones
 * are found by the (status, end_at) index (issue 14).
 */
export async function publicEventsPage(
	db: Db | Tx,
	filter: PublicListFilter,
	now: Date,
	options: { includeCancelled?: boolean; page?: number; pageSize?: number } = {}
): Promise<{ events: PublicEventSummary[]; total: number; page: number; pageSize: number }> {
	const t = now.getTime();
	const pageSize = options.pageSize ?? EVENT_PAGE_SIZE;
	const statuses =
		options.includeCancelled === false
			? ['published' as const]
			: ['published' as const, 'cancelled' as const];
	const filtered = wherePublicFilter(
		db,
		db.selectFrom('event as e').where('e.status', 'in', statuses).where('e.end_at', '>', t),
		filter
	);
	const counted = await filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	const total = Number(counted.n);
	const page = Math.min(Math.max(1, options.page ?? 1), Math.max(1, Math.ceil(total / pageSize)));
	const rows = await eventQuery(db)
		.where(
			'e.id',
			'in',
			filtered
				.select('e.id')
				.orderBy('e.start_at')
				.orderBy('e.id')
				.limit(pageSize)
				.offset((page - 1) * pageSize)
		)
		.orderBy('e.start_at')
		.orderBy('e.id')
		.execute();
	const events = rows.map(toEvent);
	const counts = await placeCounts(
		db,
		events.map((e) => e.id),
		t
	);
	return { events: events.map((event) => ({ event, counts: counts.get(event.id)! })), total, page, pageSize };
}

/** One event for the public page: drafts do not exist publicly. */
export async function publicEvent(db: Db | Tx, id: number, now: Date): Promise<PublicEventSummary | null> {
	const event = await loadEvent(db, id);
	if (!event || event.status === 'draft') return null;
	const counts = (await placeCounts(db, [id], now.getTime())).get(id)!;
	return { event, counts };
}

/** Events for the iCalendar feeds: published and cancelled, from 30 days ago on. */
export async function feedEvents(db: Db | Tx, now: Date, officeId?: number): Promise<EventRecord[]> {
	let q = eventQuery(db)
		.where('e.status', 'in', ['published', 'cancelled', 'finished'])
		.where('e.end_at', '>', now.getTime() - 30 * DAY)
		.orderBy('e.start_at')
		.limit(1000);
	if (officeId !== undefined)
		q = q.where((eb) => eb.or([eb('e.office_id', '=', officeId), eb('e.office_id', 'is', null)]));
	return (await q.execute()).map(toEvent);
}

export interface ApiEvent {
	id: number;
	title: string;
	type: EventType;
	format: EventRecord['format'];
	start: number;
	end: number;
	office: { id: number; key: string; name: string } | null;
	capacity: number | null;
	registered: number;
	waitlisted: number;
	url: string;
}

/** GET /api/v1/events: published and upcoming. */
export async function apiEvents(db: Db | Tx, publicBaseUrl: string, now: Date): Promise<ApiEvent[]> {
	const list = await listPublicEvents(db, {}, now, { includeCancelled: false });
	return list.map(({ event: e, counts }) => ({
		...eventHeadline(e),
		office:
			e.office && e.officeId !== null ? { id: e.officeId, key: e.office.key, name: e.office.name } : null,
		capacity: e.capacity,
		registered: counts.registered,
		waitlisted: counts.waitlisted,
		url: eventPageUrl(publicBaseUrl, e.id)
	}));
}

// ---------------------------------------------------------------------------------------------
// Staff.

export interface StaffEventSummary {
	event: EventRecord;
	counts: AttendanceCounts;
}

/** The office's events (and, for network admins, the network's), newest start first. */
export async function listOfficeEvents(
	db: Db | Tx,
	staff: EventStaff,
	officeId: number,
	now: Date
): Promise<StaffEventSummary[]> {
	if (!mayManage(staff, officeId)) return [];
	let q = eventQuery(db).orderBy('e.start_at', 'desc').limit(300);
	q = staff.isNetworkAdmin
		? q.where((eb) => eb.or([eb('e.office_id', '=', officeId), eb('e.office_id', 'is', null)]))
		: q.where('e.office_id', '=', officeId);
	const events = (await q.execute()).map(toEvent);
	const t = now.getTime();
	const out: StaffEventSummary[] = [];
	for (const event of events) {
		const regs = await registrationsOf(db, event.id);
		out.push({ event, counts: attendanceCounts(regs, t) });
	}
	return out;
}

export interface StaffEventDetail {
	event: EventRecord;
	counts: AttendanceCounts;
	registrations: RegistrationRecord[];
}

/** One event with its registrations, or null outside the caller's offices. */
export async function staffEvent(
	db: Db | Tx,
	staff: EventStaff,
	eventId: number,
	now: Date,
	search?: string | null
): Promise<StaffEventDetail | null> {
	const event = await loadEvent(db, eventId);
	if (!event || !mayManage(staff, event.officeId)) return null;
	const all = await registrationsOf(db, eventId);
	const needle = search?.trim().toLocaleLowerCase('de') ?? '';
	const registrations = needle ? all.filter((r) => r.name.toLocaleLowerCase('de').includes(needle)) : all;
	return { event, counts: attendanceCounts(all, now.getTime()), registrations };
}

/**
 * The office's page of one event (issue 17: the page's one read, over the detail its gate
 * loaded): the event, its form's values, counts, the average feedback, the registrations, and
 * which moves the event's state allows now.
 */
export function staffEventPage(detail: StaffEventDetail, now: Date) {
	const e = detail.event;
	const facts = { now: now.getTime(), start: e.start, end: e.end };
	const rated = detail.registrations.flatMap((r) => (r.feedbackRating === null ? [] : [r.feedbackRating]));
	return {
		event: {
			id: e.id,
			title: e.title,
			status: e.status,
			start: e.start,
			end: e.end,
			network: e.officeId === null,
			cancelReason: e.cancelReason,
			capacity: e.capacity
		},
		values: formValuesOf(e),
		counts: detail.counts,
		feedback:
			rated.length === 0
				? null
				: { count: rated.length, average: rated.reduce((sum, r) => sum + r, 0) / rated.length },
		registrations: detail.registrations.map((r) => ({
			id: r.id,
			name: r.name,
			email: r.email,
			status: r.status,
			// Issue 16: a waiting-list join whose mail link is not yet clicked.
			unconfirmedWait: r.status === 'waitlisted' && r.waitlistConfirmedAt === null,
			attendance: r.attendance,
			createdAt: r.createdAt
		})),
		can: {
			edit: eventActionAllowed(e.status, 'edit', facts),
			publish: eventActionAllowed(e.status, 'publish', facts),
			cancel: eventActionAllowed(e.status, 'cancel', facts),
			checkIn: eventActionAllowed(e.status, 'check_in', facts)
		}
	};
}

/** The scope type, re-exported for routes that build an EventStaff. */
export type { OfficeScope };

/** Attendance list as CSV (UTF-8 with BOM for spreadsheets, semicolons as German Excel expects). */
export function attendanceCsv(
	detail: StaffEventDetail,
	labels: {
		header: string[];
		status: (s: string) => string;
		attendance: (a: string | null) => string;
		/** The sub-market's name for its key (labels, not keys, in every export). */
		submarket: (key: string | null) => string;
		time: (t: number | null) => string;
	}
): string {
	const rows = detail.registrations.map((r) => [
		r.name,
		r.email,
		labels.submarket(r.submarket),
		labels.status(r.status),
		labels.attendance(r.attendance),
		labels.time(r.createdAt),
		labels.time(r.confirmedAt),
		...detail.event.questions.map((_, i) => r.answers[i] ?? '')
	]);
	return writeCsv([labels.header, ...rows], { separator: ';', quote: 'always' });
}
