import { addDays, berlinDate, berlinInstant } from '../../time/berlin';
import { DAY } from '../../time/durations';
import type { Db, Tx } from '../db/transaction';
import { getBookingSettings } from './settings';
import {
	computeSlots,
	findSlot,
	type Slot,
	type SlotFormat,
	type SlotInput,
	type SprechtagInput
} from './rules';

/**
 * Slots as the outside sees them: loads what `computeSlots` needs for one office and calls it.
 * No personal data leaves here (consultant names are staff data shown in the booking flow).
 */
export interface SlotQuery {
	officeId: number;
	/** 'YYYY-MM-DD' Berlin, inclusive. */
	from: string;
	to: string;
	format?: SlotFormat;
	consultantId?: number;
}

export type OfferedSlot = Slot & { consultantName: string };

/** Members of the office (leads too) whose accounts are not disabled. */
export async function officeConsultants(
	db: Db | Tx,
	officeId: number
): Promise<{ id: number; name: string; role: 'office_lead' | 'consultant' }[]> {
	return db
		.selectFrom('staff_membership as m')
		.innerJoin('staff_user as u', 'u.id', 'm.user_id')
		.select(['u.id', 'u.name', 'm.role'])
		.where('m.office_id', '=', officeId)
		.where('u.disabled_at', 'is', null)
		.orderBy('u.name')
		.orderBy('u.id')
		.execute();
}

async function loadAndCompute(
	db: Db | Tx,
	query: SlotQuery,
	now: Date,
	ignoreBookingId?: number
): Promise<{ slots: Slot[]; names: Map<number, string> }> {
	const consultants = (await officeConsultants(db, query.officeId)).filter(
		(c) => query.consultantId === undefined || c.id === query.consultantId
	);
	const names = new Map(consultants.map((c) => [c.id, c.name]));
	if (consultants.length === 0 || query.from > query.to) return { slots: [], names };
	const ids = consultants.map((c) => c.id);
	const settings = await getBookingSettings(db, query.officeId);
	const rows = await loadSlotRows(db, query, ids, now);
	const slots = computeSlots({
		settings,
		...slotInputsFromRows(rows, ignoreBookingId),
		from: query.from,
		to: query.to,
		now,
		format: query.format,
		consultantId: query.consultantId
	});
	return { slots, names };
}

type SlotRows = Awaited<ReturnType<typeof loadSlotRows>>;

async function loadSlotRows(db: Db | Tx, query: SlotQuery, ids: number[], now: Date) {
	// Generous instant bounds: a day either side covers every offset and any buffer.
	const rangeStart = berlinInstant(query.from, '00:00') - DAY;
	const rangeEnd = berlinInstant(addDays(query.to, 1), '00:00') + DAY;

	const [rules, overrides, absences, bookings, sprechtage] = await Promise.all([
		db
			.selectFrom('availability_rule')
			.select(['consultant_id', 'format', 'weekday', 'start_time', 'end_time', 'valid_from', 'valid_to'])
			.where('office_id', '=', query.officeId)
			.where('consultant_id', 'in', ids)
			.execute(),
		db
			.selectFrom('availability_override')
			.select(['consultant_id', 'date', 'kind', 'format', 'start_time', 'end_time'])
			.where('office_id', '=', query.officeId)
			.where('consultant_id', 'in', ids)
			.where('date', '>=', query.from)
			.where('date', '<=', query.to)
			.execute(),
		db
			.selectFrom('absence')
			.select(['consultant_id', 'start_at', 'end_at'])
			.where('consultant_id', 'in', ids)
			.where('start_at', '<', rangeEnd)
			.where('end_at', '>', rangeStart)
			.execute(),
		// A consultant's time is one resource across offices: bookings anywhere make them busy.
		db
			.selectFrom('booking')
			.select(['id', 'consultant_id', 'start_at', 'end_at'])
			.where('consultant_id', 'in', ids)
			.where('start_at', '<', rangeEnd)
			.where('end_at', '>', rangeStart)
			.where((eb) =>
				eb.or([
					eb('status', '=', 'confirmed'),
					eb.and([eb('status', '=', 'held'), eb('hold_expires_at', '>', now.getTime())])
				])
			)
			.execute(),
		db
			.selectFrom('sprechtag')
			.select(['id', 'consultant_id', 'date', 'start_time', 'end_time', 'status'])
			.where('office_id', '=', query.officeId)
			.where('consultant_id', 'in', ids)
			.where('date', '>=', query.from)
			.where('date', '<=', query.to)
			.execute()
	]);
	return { rules, overrides, absences, bookings, sprechtage };
}

function slotInputsFromRows(
	rows: SlotRows,
	ignoreBookingId: number | undefined
): Pick<SlotInput, 'rules' | 'overrides' | 'absences' | 'busy' | 'sprechtage'> {
	const { rules, overrides, absences, bookings, sprechtage } = rows;
	return {
		rules: rules.map((r) => ({
			consultantId: Number(r.consultant_id),
			format: r.format,
			weekday: Number(r.weekday),
			startTime: r.start_time,
			endTime: r.end_time,
			validFrom: r.valid_from,
			validTo: r.valid_to
		})),
		overrides: overrides.map((o) => ({
			consultantId: Number(o.consultant_id),
			date: o.date,
			kind: o.kind,
			format: o.format,
			startTime: o.start_time,
			endTime: o.end_time
		})),
		absences: absences.map((a) => ({
			consultantId: Number(a.consultant_id),
			start: Number(a.start_at),
			end: Number(a.end_at)
		})),
		busy: bookings
			.filter((b) => ignoreBookingId === undefined || Number(b.id) !== ignoreBookingId)
			.map((b) => ({
				consultantId: Number(b.consultant_id),
				start: Number(b.start_at),
				end: Number(b.end_at)
			})),
		sprechtage: sprechtage.map(
			(s): SprechtagInput => ({
				id: Number(s.id),
				consultantId: Number(s.consultant_id),
				date: s.date,
				startTime: s.start_time,
				endTime: s.end_time,
				status: s.status
			})
		)
	};
}

/** Free slots of an office in [from, to], each with its consultant's name. */
export async function listSlots(db: Db | Tx, query: SlotQuery, now: Date): Promise<OfferedSlot[]> {
	const { slots, names } = await loadAndCompute(db, query, now);
	return slots.map((s) => ({ ...s, consultantName: names.get(s.consultantId) ?? '' }));
}

/**
 * Whether exactly this slot is offered right now. Hold and reschedule commands call it inside
 * their transaction, after taking the write lock, so the check and the insert are one step.
 * `ignoreBookingId` lets a reschedule disregard the booking being moved.
 */
export async function isSlotOffered(
	db: Db | Tx,
	slot: {
		officeId: number;
		consultantId: number;
		format: SlotFormat;
		start: number;
		sprechtagId?: number | null;
	},
	now: Date,
	options: { ignoreBookingId?: number } = {}
): Promise<Slot | null> {
	if (!Number.isFinite(slot.start)) return null;
	const date = berlinDate(slot.start);
	const { slots } = await loadAndCompute(
		db,
		{ officeId: slot.officeId, from: date, to: date, format: slot.format, consultantId: slot.consultantId },
		now,
		options.ignoreBookingId
	);
	return findSlot(slots, slot);
}
