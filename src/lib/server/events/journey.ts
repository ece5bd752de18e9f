import type { Db, Tx } from '../db/transaction';
import { eventPageUrl } from './ics';

/**
 * The creative's journey (issue 5, item 7): registrations found by e-mail, for the portal
 * ("my events") and the case timeline. The caller proves the address belongs to the person
 * (a verified creative); these functions only match it. Lapsed holds and offers nobody took
 * are left out: they never became a registration.
 */
export interface CreativeEvent {
	registrationId: number;
	eventId: number;
	title: string;
	start: number;
	end: number;
	/** Registration status; 'attended' / 'no_show' once staff marked it; 'event_cancelled' when the event was. */
	status: string;
	officeName: string | null;
	url: string;
}

function shownStatus(r: { status: string; attendance: string | null; cancelled_by: string | null }): string {
	if (r.status === 'confirmed' && r.attendance) return r.attendance;
	if (r.status === 'cancelled' && r.cancelled_by === 'event') return 'event_cancelled';
	return r.status;
}

export async function eventsForCreativeEmail(
	db: Db | Tx,
	email: string,
	now: Date,
	publicBaseUrl = ''
): Promise<CreativeEvent[]> {
	const address = email.trim().toLowerCase();
	if (!address) return [];
	const t = now.getTime();
	const rows = await db
		.selectFrom('event_registration as r')
		.innerJoin('event as e', 'e.id', 'r.event_id')
		.leftJoin('office as o', 'o.id', 'e.office_id')
		.select([
			'r.id',
			'r.event_id',
			'r.status',
			'r.attendance',
			'r.cancelled_by',
			'r.hold_expires_at',
			'e.title',
			'e.start_at',
			'e.end_at',
			'o.name as office_name'
		])
		.where('r.email', '=', address)
		.where('r.status', 'not in', ['expired'])
		.orderBy('e.start_at', 'desc')
		.execute();
	return rows
		.filter((r) => !(r.status === 'pending' && Number(r.hold_expires_at ?? 0) <= t))
		.map((r) => ({
			registrationId: Number(r.id),
			eventId: Number(r.event_id),
			title: r.title,
			start: Number(r.start_at),
			end: Number(r.end_at),
			status: shownStatus(r),
			officeName: r.office_name ?? null,
			url: publicBaseUrl
				? eventPageUrl(publicBaseUrl, Number(r.event_id))
				: `/veranstaltungen/${Number(r.event_id)}`
		}));
}

export interface TimelineEntry {
	/** When the registration was made or confirmed (epoch ms). */
	at: number;
	eventId: number;
	title: string;
	status: string;
}

/** One entry per registration that became real (confirmed at some point, or on the waiting list). */
export async function eventRegistrationsForTimeline(db: Db | Tx, email: string): Promise<TimelineEntry[]> {
	const address = email.trim().toLowerCase();
	if (!address) return [];
	const rows = await db
		.selectFrom('event_registration as r')
		.innerJoin('event as e', 'e.id', 'r.event_id')
		.select([
			'r.event_id',
			'r.status',
			'r.attendance',
			'r.cancelled_by',
			'r.confirmed_at',
			'r.created_at',
			'e.title'
		])
		.where('r.email', '=', address)
		.where('r.status', 'not in', ['expired', 'pending'])
		.orderBy('r.created_at')
		.execute();
	return rows.map((r) => ({
		at: Number(r.confirmed_at ?? r.created_at),
		eventId: Number(r.event_id),
		title: r.title,
		status: shownStatus(r)
	}));
}
