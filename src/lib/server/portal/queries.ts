import type { BookingFormat, BookingStatus } from '../db/schema';
import type { Db, Tx } from '../db/transaction';

/**
 * Reads for the creative's portal. The signed-in creative (proved by the session, see
 * http/gate.ts requireCreative) sees the bookings made with their verified e-mail address,
 * nothing else: every query here is keyed by that address.
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

export async function myBookings(db: Db | Tx, email: string, now: Date): Promise<MyBooking[]> {
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
		.where('b.email', '=', email.toLowerCase())
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
