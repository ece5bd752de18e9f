import type { BookingStatus } from '../db/schema';
import type { Db, Tx } from '../db/transaction';
import type { RequestContext } from '../identity/index';
import type { CaseActor, CaseRequest } from './case-actor';
import { auditCase } from './commands-shared';
import { type CaseRecord, caseFor } from './load';
import type { RecordInput } from './record';

/**
 * The staff case page's reads. Content notes are read only here, and every read of a case
 * whose records hold notes writes an audit row (who, when, which case and records — never the
 * content), as issue 4 item 2 asks.
 */
/** A record shows what was entered (RecordInput's content fields) with who held it and when. */
export interface RecordView
	extends Pick<RecordInput, 'topics' | 'outcome' | 'situation' | 'advice' | 'followUpWeeks' | 'share'> {
	id: number;
	bookingId: number | null;
	consultantName: string;
	heldAt: number;
	kind: 'first' | 'follow_up';
	format: string;
}

export interface StepView {
	id: number;
	recordId: number | null;
	text: string;
	owner: 'creative' | 'consultant';
	dueOn: string | null;
	shared: boolean;
	doneAt: number | null;
	doneByKind: string | null;
}

export interface CaseBookingView {
	id: number;
	start: number;
	format: string;
	kind: 'first' | 'follow_up';
	status: BookingStatus;
	recorded: boolean;
}

export interface CaseView {
	case: CaseRecord;
	records: RecordView[];
	steps: StepView[];
	bookings: CaseBookingView[];
}

export async function caseView(
	db: Db | Tx,
	...[actor, scope, officeId, caseId, now, ctx = {}]: CaseRequest
): Promise<CaseView | null> {
	const c = await caseFor(db, actor, scope, caseId, officeId);
	if (!c) return null;
	const { records, steps, bookings } = await loadCaseSections(db, c.id);
	await auditNotesRead(db, actor, c, records, now, ctx);
	return {
		case: c,
		records: records.map(toRecordView),
		steps: steps.map(toStepView),
		bookings: bookings.map((b) => ({
			id: Number(b.id),
			start: Number(b.start_at),
			format: b.format,
			kind: b.kind,
			status: b.status,
			recorded: b.record_id != null
		}))
	};
}

type RecordRow = Awaited<ReturnType<typeof loadCaseSections>>['records'][number];

async function loadCaseSections(db: Db | Tx, caseId: number) {
	const [records, steps, bookings] = await Promise.all([
		db
			.selectFrom('consultation_record as r')
			.innerJoin('staff_user as u', 'u.id', 'r.consultant_id')
			.selectAll('r')
			.select('u.name as consultant_name')
			.where('r.case_id', '=', caseId)
			.orderBy('r.held_at', 'desc')
			.execute(),
		db
			.selectFrom('next_step')
			.selectAll()
			.where('case_id', '=', caseId)
			.orderBy('done_at')
			.orderBy('due_on')
			.orderBy('id')
			.execute(),
		db
			.selectFrom('booking as b')
			.leftJoin('consultation_record as r', 'r.booking_id', 'b.id')
			.select(['b.id', 'b.start_at', 'b.format', 'b.kind', 'b.status', 'r.id as record_id'])
			.where('b.case_id', '=', caseId)
			.orderBy('b.start_at', 'desc')
			.execute()
	]);
	return { records, steps, bookings };
}

/** Only a read that shows notes is audited; the row names the records, never their text. */
async function auditNotesRead(
	db: Db | Tx,
	actor: CaseActor,
	c: CaseRecord,
	records: RecordRow[],
	now: Date,
	ctx: RequestContext
): Promise<void> {
	const withNotes = records.filter((r) => r.situation != null || r.advice != null).map((r) => Number(r.id));
	if (withNotes.length > 0) {
		await auditCase(db, actor, c.id, c.officeId, 'case.notes_read', { records: withNotes }, now, ctx);
	}
}

function toRecordView(r: RecordRow): RecordView {
	return {
		id: Number(r.id),
		bookingId: r.booking_id == null ? null : Number(r.booking_id),
		consultantName: r.consultant_name,
		heldAt: Number(r.held_at),
		kind: r.kind,
		format: r.format,
		topics: JSON.parse(r.topics) as string[],
		outcome: r.outcome,
		situation: r.situation,
		advice: r.advice,
		followUpWeeks: r.follow_up_weeks == null ? null : Number(r.follow_up_weeks),
		share: {
			advice: Number(r.share_advice) === 1,
			steps: Number(r.share_steps) === 1,
			referrals: Number(r.share_referrals) === 1
		}
	};
}

export function toStepView(s: {
	id: number;
	record_id: number | null;
	text: string;
	owner: 'creative' | 'consultant';
	due_on: string | null;
	shared: number;
	done_at: number | null;
	done_by_kind: string | null;
}): StepView {
	return {
		id: Number(s.id),
		recordId: s.record_id == null ? null : Number(s.record_id),
		text: s.text,
		owner: s.owner,
		dueOn: s.due_on,
		shared: Number(s.shared) === 1,
		doneAt: s.done_at == null ? null : Number(s.done_at),
		doneByKind: s.done_by_kind
	};
}

/** The case of a booking (for the calendar's "document this talk" link), if visible. */
export async function caseIdOfBooking(db: Db | Tx, bookingId: number): Promise<number | null> {
	const row = await db.selectFrom('booking').select('case_id').where('id', '=', bookingId).executeTakeFirst();
	return row?.case_id == null ? null : Number(row.case_id);
}
