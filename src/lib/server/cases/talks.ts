import { systemActor } from '../audit/index';
import type { BookingFormat } from '../db/schema';
import type { Db, Tx } from '../db/transaction';
import { addCaseEvent } from './case-events';
import { closedColumns, recordCaseAudit } from './commands-shared';
import {
	closesForNoTalk,
	hadConsultation,
	type RecordAccess,
	recordAccess,
	type TalkBooking
} from './talk-rules';

/**
 * Issue 16, part 1: the talks of one case as the rules in talk-rules.ts see them, and the
 * self-closing of a case whose only bookings were cancelled. Both run in the caller's
 * transaction (the booking commands call `closeIfNoTalk` right after a cancellation).
 */
export async function talksOf(
	db: Db | Tx,
	caseId: number
): Promise<{ bookings: TalkBooking[]; records: number }> {
	const [bookings, records] = await Promise.all([
		db
			.selectFrom('booking as b')
			.leftJoin('consultation_record as r', 'r.booking_id', 'b.id')
			.select(['b.status', 'b.start_at', 'r.id as record_id'])
			.where('b.case_id', '=', caseId)
			.execute(),
		db
			.selectFrom('consultation_record')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('case_id', '=', caseId)
			.executeTakeFirstOrThrow()
	]);
	return {
		bookings: bookings.map((b) => ({
			status: b.status,
			start: Number(b.start_at),
			recorded: b.record_id != null
		})),
		records: Number(records.n)
	};
}

/** The booked talk a record is about, or why it cannot be recorded (yet). */
export type BookingToRecord =
	| { kind: 'ok'; booking: { id: number; start: number; format: BookingFormat; kind: 'first' | 'follow_up' } }
	| { kind: 'refused'; reason: Exclude<RecordAccess, 'ok'>; start: number }
	| { kind: 'not_found' };

/**
 * Issue 16: a booked talk is recorded from its start on; before that, for a cancelled one or one
 * already recorded, the record form explains why (recordAccess). A booking of another case is
 * not found, as is an unknown one.
 */
export async function bookingToRecord(
	db: Db | Tx,
	caseId: number,
	bookingId: number,
	now: number
): Promise<BookingToRecord> {
	if (!Number.isSafeInteger(bookingId) || bookingId <= 0) return { kind: 'not_found' };
	const b = await db
		.selectFrom('booking as b')
		.leftJoin('consultation_record as r', 'r.booking_id', 'b.id')
		.select(['b.id', 'b.case_id', 'b.start_at', 'b.format', 'b.kind', 'b.status', 'r.id as record_id'])
		.where('b.id', '=', bookingId)
		.executeTakeFirst();
	if (!b || Number(b.case_id) !== caseId) return { kind: 'not_found' };
	const start = Number(b.start_at);
	const access = recordAccess({ status: b.status, start, recorded: b.record_id != null }, now);
	if (access !== 'ok') return { kind: 'refused', reason: access, start };
	return { kind: 'ok', booking: { id: Number(b.id), start, format: b.format, kind: b.kind } };
}

export async function mayBookFollowUp(db: Db | Tx, caseId: number): Promise<boolean> {
	const { bookings, records } = await talksOf(db, caseId);
	return hadConsultation(bookings, records);
}

/** Closes an open or paused case with reason `no_talk` when all its bookings were cancelled. */
export async function closeIfNoTalk(trx: Tx, caseId: number, now: Date): Promise<boolean> {
	const c = await trx
		.selectFrom('case_file')
		.select(['id', 'status', 'office_id'])
		.where('id', '=', caseId)
		.executeTakeFirst();
	if (!c || c.status === 'closed') return false;
	const { bookings, records } = await talksOf(trx, caseId);
	if (!closesForNoTalk(bookings, records)) return false;
	await trx
		.updateTable('case_file')
		.set(closedColumns('no_talk', null, now.getTime()))
		.where('id', '=', caseId)
		.execute();
	await addCaseEvent(trx, caseId, 'closed', { kind: 'system', id: null }, now, { reason: 'no_talk' });
	await recordCaseAudit(
		trx,
		systemActor,
		{ id: caseId, officeId: Number(c.office_id) },
		'case.closed',
		{ reason: 'no_talk' },
		{ now }
	);
	return true;
}
