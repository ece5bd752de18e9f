/**
 * Issue 16, part 1: which steps a case allows depends on whether a talk took place. Pure: the
 * caller passes the case's bookings, its record count and `now`.
 *
 * - A follow-up needs a consultation that happened: an attended booking, or any record (a record
 *   documents a talk, also one without a booking). A cancelled or not yet held first booking is
 *   no reason for more appointments (the first-booking limit would be sidestepped).
 * - A case whose bookings were all cancelled (or expired) and which holds no record closes itself
 *   with the reason `no_talk`: nobody was accompanied.
 * - A booked talk is recorded from its start on, never before; a cancelled booking, a no-show or
 *   one already recorded has no record.
 */
export type TalkBookingStatus = 'held' | 'confirmed' | 'cancelled' | 'expired' | 'attended' | 'no_show';

export interface TalkBooking {
	status: TalkBookingStatus;
	start: number;
	recorded: boolean;
}

export function hadConsultation(bookings: readonly TalkBooking[], records: number): boolean {
	return records > 0 || bookings.some((b) => b.status === 'attended' || b.recorded);
}

const GONE: readonly TalkBookingStatus[] = ['cancelled', 'expired'];

export function closesForNoTalk(bookings: readonly TalkBooking[], records: number): boolean {
	return records === 0 && bookings.length > 0 && bookings.every((b) => GONE.includes(b.status));
}

export type RecordAccess = 'ok' | 'before_start' | 'not_active' | 'recorded';

export function recordAccess(booking: TalkBooking, now: number): RecordAccess {
	if (booking.recorded) return 'recorded';
	if (booking.status !== 'confirmed' && booking.status !== 'attended') return 'not_active';
	if (booking.start > now) return 'before_start';
	return 'ok';
}

/**
 * The case page's "Gespräch dokumentieren" list: the booked talks that may be recorded now
 * (recordAccess), so the page offers exactly what the record command then accepts.
 */
export function recordableTalks<B extends TalkBooking>(bookings: readonly B[], now: number): B[] {
	return bookings.filter((b) => recordAccess(b, now) === 'ok');
}

/** Issue 16: the next booked talk not yet held (the record form explains that it can wait). */
export function nextTalk<B extends TalkBooking>(bookings: readonly B[], now: number): B | null {
	const ahead = bookings.filter((b) => b.status === 'confirmed' && b.start > now);
	return ahead.sort((a, b) => a.start - b.start)[0] ?? null;
}
