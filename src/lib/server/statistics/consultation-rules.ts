/**
 * What counts as a consultation (decision 008), defined once. Pure: no clock, no database.
 *
 * - A booking counts when it is marked `attended`, or when it is still `confirmed` (attendance
 *   not marked) but a consultation record documents it. `no_show`, `cancelled`, `expired` and
 *   `held` never count; a no-show wins over a record (staff corrected the slip).
 * - A consultation record without a booking (a talk by phone or e-mail) counts on its own.
 * - One consultation is one fact: a booking with its record is counted once, as the booking.
 *
 * The fact takes office, Land, sub-market and stage from the booking (or, without a booking,
 * from the case file), format and kind from the booking (or the record), the day from the
 * booking's start (or the record's held_at), and the topics from the record when it names any,
 * else from the booking.
 */
import { berlinDate } from '../../time/berlin';
import { DAY } from '../../time/durations';
export type BookingStatus = 'held' | 'confirmed' | 'cancelled' | 'expired' | 'attended' | 'no_show';
export type ConsultationKind = 'first' | 'follow_up';

export interface BookingSource {
	id: number;
	officeId: number;
	status: BookingStatus;
	startAt: number;
	format: string;
	kind: ConsultationKind;
	land: string | null;
	submarket: string | null;
	stage: string | null;
	topics: string[];
}

export interface RecordSource {
	id: number;
	heldAt: number;
	format: string;
	kind: ConsultationKind;
	topics: string[];
}

export interface CaseSource {
	officeId: number;
	land: string | null;
	submarket: string | null;
	stage: string | null;
}

export interface ConsultationFact {
	source: 'booking' | 'record';
	sourceId: number;
	officeId: number;
	day: string;
	dayNo: number;
	month: string;
	land: string;
	submarket: string;
	stage: string;
	format: string;
	kind: ConsultationKind;
	topics: string[];
}

export interface FactInput {
	booking: BookingSource | null;
	record: RecordSource | null;
	caseFile: CaseSource | null;
}

/** Whether a booking in this status (with or without a record) is a consultation. */
export function bookingCounts(status: BookingStatus, hasRecord: boolean): boolean {
	return status === 'attended' || (status === 'confirmed' && hasRecord);
}

export function consultationFact(input: FactInput): ConsultationFact | null {
	const { booking, record, caseFile } = input;
	if (booking) {
		if (!bookingCounts(booking.status, record !== null)) return null;
		const topics = record && record.topics.length > 0 ? record.topics : booking.topics;
		return factOf('booking', booking.id, booking.startAt, booking, booking, topics);
	}
	if (record && caseFile) return factOf('record', record.id, record.heldAt, caseFile, record, record.topics);
	return null;
}

/** One fact: who (office, Land, sub-market, stage) from `who`, format and kind from `how`, the day of `at`. */
function factOf(
	source: ConsultationFact['source'],
	sourceId: number,
	at: number,
	who: CaseSource,
	how: Pick<RecordSource, 'format' | 'kind'>,
	topics: string[]
): ConsultationFact {
	return {
		source,
		sourceId,
		officeId: who.officeId,
		...dayKeys(berlinDate(at)),
		land: who.land ?? '',
		submarket: who.submarket ?? '',
		stage: who.stage ?? '',
		format: how.format,
		kind: how.kind,
		topics: uniqueSorted(topics)
	};
}

/** The monthly counters one fact adds to (or removes from): see stat_consultation_month. */
export function summaryKeys(fact: ConsultationFact): { dim: string; key: string }[] {
	return [
		{ dim: 'all', key: '' },
		{ dim: 'kind', key: fact.kind },
		{ dim: 'submarket', key: fact.submarket },
		{ dim: 'stage', key: fact.stage },
		{ dim: 'format', key: fact.format },
		...fact.topics.map((t) => ({ dim: 'topic', key: t }))
	];
}

export function sameFact(a: ConsultationFact, b: ConsultationFact): boolean {
	return (
		a.source === b.source &&
		a.sourceId === b.sourceId &&
		a.officeId === b.officeId &&
		a.day === b.day &&
		a.land === b.land &&
		a.submarket === b.submarket &&
		a.stage === b.stage &&
		a.format === b.format &&
		a.kind === b.kind &&
		a.topics.join(',') === b.topics.join(',')
	);
}

/** Day number (days since 1970-01-01) and month of a calendar day. */
export function dayKeys(day: string): { day: string; dayNo: number; month: string } {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	return { day, dayNo: Math.round(Date.UTC(y, m - 1, d) / DAY), month: day.slice(0, 7) };
}

function uniqueSorted(xs: string[]): string[] {
	return [...new Set(xs)].sort();
}
