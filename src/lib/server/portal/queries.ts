import type { BookingFormat, BookingStatus } from '../db/schema';
import type { Db, Tx } from '../db/transaction';
import type { Locale } from '../../i18n/locale';
import { berlinDate } from '../../time/berlin';
import { eventsForCreativeEmail } from '../events/index';
import { myCases, stepOverdue } from './plan-queries';

/**
 * Reads for the creative's portal. The signed-in creative (proved by the session, see
 * http/gate.ts requireCreative) sees the bookings made with their verified e-mail address, the
 * bookings of their own cases (after staff merged a duplicate, those may carry the other
 * address) and the not yet confirmed bookings of an address merged into them; nothing else.
 */
export interface MyBooking {
	id: number;
	status: BookingStatus;
	format: BookingFormat;
	kind: 'first' | 'follow_up';
	start: number;
	end: number;
	officeName: string;
	consultantName: string;
	/** Held or confirmed and still ahead: a fresh manage (or confirm) link can be mailed. */
	open: boolean;
}

export async function myBookings(
	db: Db | Tx,
	me: { id: number; email: string },
	now: Date
): Promise<MyBooking[]> {
	const rows = await db
		.selectFrom('booking as b')
		.innerJoin('office as o', 'o.id', 'b.office_id')
		.innerJoin('staff_user as u', 'u.id', 'b.consultant_id')
		.select([
			'b.id',
			'b.status',
			'b.format',
			'b.kind',
			'b.start_at',
			'b.end_at',
			'o.name as office_name',
			'u.name as consultant_name'
		])
		.where((eb) =>
			eb.or([
				eb('b.email', '=', me.email.toLowerCase()),
				eb('b.case_id', 'in', eb.selectFrom('case_file').select('id').where('creative_id', '=', me.id)),
				eb('b.email', 'in', eb.selectFrom('creative').select('email').where('merged_into_id', '=', me.id))
			])
		)
		.orderBy('b.start_at', 'desc')
		.orderBy('b.id', 'desc')
		.execute();
	const t = now.getTime();
	return rows.map((r) => ({
		id: Number(r.id),
		status: r.status,
		format: r.format,
		kind: r.kind,
		start: Number(r.start_at),
		end: Number(r.end_at),
		officeName: r.office_name,
		consultantName: r.consultant_name,
		open: (r.status === 'held' || r.status === 'confirmed') && Number(r.start_at) > t
	}));
}

/**
 * The portal's home page (issue 17: one read): my bookings, my event registrations and my cases
 * with their shared plan, each step marked overdue by today's Berlin date.
 */
export async function portalHome(db: Db | Tx, me: { id: number; email: string }, locale: Locale, now: Date) {
	const today = berlinDate(now);
	const cases = await myCases(db, me.id, locale);
	return {
		bookings: await myBookings(db, me, now),
		events: await eventsForCreativeEmail(db, me.email, now),
		cases: cases.map((c) => ({
			...c,
			plan: c.plan.map((step) => ({ ...step, overdue: stepOverdue(step, today) }))
		}))
	};
}
