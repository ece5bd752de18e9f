/**
 * Slots as a pure function: weekly hours, date overrides, absences, existing bookings and
 * Sprechtage in; bookable slots out. No I/O and no clock: `now` is an argument. Wall-clock
 * times are Europe/Berlin whatever zone the process runs in (tests run under TZ=UTC and
 * TZ=Pacific/Chatham); instants are epoch milliseconds UTC.
 */

import {
	addDays,
	berlinDate,
	berlinInstant,
	berlinMinuteInstant,
	isoWeekday,
	timeToMinutes
} from '../../time/berlin';
import { DAY, MINUTE } from '../../time/durations';

export type SlotFormat = 'office' | 'phone' | 'video' | 'sprechtag';
export type WeeklyFormat = Exclude<SlotFormat, 'sprechtag'>;

export interface Slot {
	/** Epoch ms UTC. */
	start: number;
	end: number;
	format: SlotFormat;
	consultantId: number;
	sprechtagId: number | null;
}

export interface BookingSettings {
	durationOffice: number;
	durationPhone: number;
	durationVideo: number;
	durationSprechtag: number;
	bufferMinutes: number;
	minNoticeMinutes: number;
	horizonDays: number;
	changeNoticeMinutes: number;
	reminderHours: number;
}

export const DEFAULT_BOOKING_SETTINGS: Readonly<BookingSettings> = Object.freeze({
	durationOffice: 60,
	durationPhone: 60,
	durationVideo: 60,
	durationSprechtag: 45,
	bufferMinutes: 15,
	minNoticeMinutes: 24 * 60,
	horizonDays: 56,
	changeNoticeMinutes: 24 * 60,
	reminderHours: 24
});

export interface RuleInput {
	consultantId: number;
	format: WeeklyFormat;
	/** ISO weekday, 1 = Monday … 7 = Sunday. */
	weekday: number;
	/** 'HH:MM' Berlin wall clock; the window is [startTime, endTime). */
	startTime: string;
	endTime: string;
	/** 'YYYY-MM-DD' inclusive; null = open. */
	validFrom: string | null;
	validTo: string | null;
}

export interface OverrideInput {
	consultantId: number;
	date: string;
	kind: 'extra' | 'blocked';
	/** The format an 'extra' window offers; ignored for 'blocked' (all formats). */
	format: WeeklyFormat | null;
	/** null on 'blocked' = the whole day. */
	startTime: string | null;
	endTime: string | null;
}

export interface IntervalInput {
	consultantId: number;
	/** Epoch ms UTC, [start, end). */
	start: number;
	end: number;
}

export interface SprechtagInput {
	id: number;
	consultantId: number;
	date: string;
	startTime: string;
	endTime: string;
	status: 'planned' | 'cancelled';
}

export interface SlotInput {
	settings: BookingSettings;
	rules: readonly RuleInput[];
	overrides: readonly OverrideInput[];
	absences: readonly IntervalInput[];
	/** Active bookings (held and not expired, or confirmed). */
	busy: readonly IntervalInput[];
	sprechtage: readonly SprechtagInput[];
	/** 'YYYY-MM-DD' Berlin, inclusive. */
	from: string;
	/** 'YYYY-MM-DD' Berlin, inclusive. */
	to: string;
	now: Date;
	format?: SlotFormat;
	consultantId?: number;
}

// ---------------------------------------------------------------------------------------------
// Slots

export function durationFor(settings: BookingSettings, format: SlotFormat): number {
	switch (format) {
		case 'office':
			return settings.durationOffice;
		case 'phone':
			return settings.durationPhone;
		case 'video':
			return settings.durationVideo;
		case 'sprechtag':
			return settings.durationSprechtag;
	}
}

/** Sorted, non-overlapping-or-not [start, end) intervals with a binary search for overlap. */
class Intervals {
	private starts: number[] = [];
	private ends: number[] = [];
	/** Running maximum of ends, so one binary search answers "does anything overlap". */
	private maxEnd: number[] = [];

	constructor(list: { start: number; end: number }[]) {
		list.sort((a, b) => a.start - b.start);
		let max = Number.NEGATIVE_INFINITY;
		for (const i of list) {
			this.starts.push(i.start);
			this.ends.push(i.end);
			max = Math.max(max, i.end);
			this.maxEnd.push(max);
		}
	}

	/** Whether any interval overlaps [start, end). */
	overlaps(start: number, end: number): boolean {
		// Last interval that starts before `end`.
		let lo = 0;
		let hi = this.starts.length - 1;
		let idx = -1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if ((this.starts[mid] as number) < end) {
				idx = mid;
				lo = mid + 1;
			} else hi = mid - 1;
		}
		return idx >= 0 && (this.maxEnd[idx] as number) > start;
	}
}

function groupIntervals(list: readonly IntervalInput[], pad: number): Map<number, Intervals> {
	const byConsultant = new Map<number, { start: number; end: number }[]>();
	for (const i of list) {
		let bucket = byConsultant.get(i.consultantId);
		if (!bucket) {
			bucket = [];
			byConsultant.set(i.consultantId, bucket);
		}
		bucket.push({ start: i.start - pad, end: i.end + pad });
	}
	const out = new Map<number, Intervals>();
	for (const [id, bucket] of byConsultant) out.set(id, new Intervals(bucket));
	return out;
}

/** Cut a wall-clock window on one date into back-to-back slots (duration, then buffer). */
function cutWindow(
	date: string,
	startTime: string,
	endTime: string,
	duration: number,
	buffer: number,
	emit: (start: number, end: number) => void
): void {
	const endMin = timeToMinutes(endTime);
	if (duration <= 0) return;
	for (let m = timeToMinutes(startTime); m + duration <= endMin; m += duration + buffer) {
		const start = berlinMinuteInstant(date, m);
		emit(start, start + duration * MINUTE);
	}
}

/**
 * Bookable slots in [from, to] (Berlin dates, inclusive), sorted by start, then consultant.
 *
 * - A rule's window [startTime, endTime) on its weekday within validFrom/validTo is cut into
 *   slots of the format's duration, with the buffer between consecutive slots.
 * - 'blocked' overrides remove the weekly hours of that day (or of the given time range) for
 *   all formats; 'extra' overrides add a window for a format on that date (an explicit extra
 *   window is not removed by a block on the same day).
 * - Absences remove any slot that overlaps them; active bookings remove any slot that overlaps
 *   them widened by the buffer on both sides.
 * - Slots starting before now + minimum notice, or after now + horizon, are dropped.
 * - Planned Sprechtage give 'sprechtag' slots at their hours for their consultant.
 */
export function computeSlots(input: SlotInput): Slot[] {
	const { settings } = input;
	const nowMs = input.now.getTime();
	const earliest = nowMs + settings.minNoticeMinutes * MINUTE;
	const latest = nowMs + settings.horizonDays * DAY;
	const buffer = Math.max(0, settings.bufferMinutes);
	const wantFormat = input.format;
	const wantConsultant = input.consultantId;

	// Clamp the date range to the days notice and horizon can allow.
	let from = input.from;
	let to = input.to;
	const firstPossible = berlinDate(earliest);
	const lastPossible = berlinDate(latest);
	if (from < firstPossible) from = firstPossible;
	if (to > lastPossible) to = lastPossible;
	if (from > to) return [];

	const consultantOk = (id: number) => wantConsultant === undefined || id === wantConsultant;
	const formatOk = (f: SlotFormat) => wantFormat === undefined || f === wantFormat;
	const fits = slotFilter(input, { earliest, latest, buffer, consultantOk });
	const slots: Slot[] = [];
	const run: SlotRun = {
		settings,
		buffer,
		from,
		to,
		consultantOk,
		formatOk,
		accept: (slot) => {
			if (fits(slot)) slots.push(slot);
		}
	};
	cutWeeklyHours(run, input.rules, input.overrides);
	if (formatOk('sprechtag')) cutSprechtage(run, input.sprechtage);
	return uniqueSlots(slots);
}

interface SlotRun {
	settings: BookingSettings;
	buffer: number;
	/** The requested days clamped to notice and horizon, Berlin dates inclusive. */
	from: string;
	to: string;
	consultantOk: (id: number) => boolean;
	formatOk: (format: SlotFormat) => boolean;
	accept: (slot: Slot) => void;
}

/** 'day', or the blocked time ranges, by `consultantId|date`. */
type Blocks = Map<string, { start: number; end: number }[] | 'day'>;

/** Bookings are widened by the buffer so that a slot never starts or ends right against one. */
function slotFilter(
	input: SlotInput,
	limits: { earliest: number; latest: number; buffer: number; consultantOk: (id: number) => boolean }
): (slot: Slot) => boolean {
	const { earliest, latest, buffer, consultantOk } = limits;
	const absences = groupIntervals(
		input.absences.filter((a) => consultantOk(a.consultantId)),
		0
	);
	const busy = groupIntervals(
		input.busy.filter((b) => consultantOk(b.consultantId)),
		buffer * MINUTE
	);
	return (slot) => {
		if (slot.start < earliest || slot.start > latest) return false;
		if (absences.get(slot.consultantId)?.overlaps(slot.start, slot.end)) return false;
		if (busy.get(slot.consultantId)?.overlaps(slot.start, slot.end)) return false;
		return true;
	};
}

function groupOverrides(
	run: SlotRun,
	overrides: readonly OverrideInput[]
): { blocks: Blocks; extrasByDate: Map<string, OverrideInput[]> } {
	const blocks: Blocks = new Map();
	const extrasByDate = new Map<string, OverrideInput[]>();
	for (const o of overrides) {
		if (!run.consultantOk(o.consultantId) || o.date < run.from || o.date > run.to) continue;
		if (o.kind === 'blocked') {
			const key = `${o.consultantId}|${o.date}`;
			const current = blocks.get(key);
			if (current === 'day') continue;
			if (o.startTime === null || o.endTime === null) {
				blocks.set(key, 'day');
			} else {
				const range = {
					start: berlinInstant(o.date, o.startTime),
					end: berlinInstant(o.date, o.endTime)
				};
				if (current) current.push(range);
				else blocks.set(key, [range]);
			}
		} else if (o.format && run.formatOk(o.format) && o.startTime && o.endTime) {
			const list = extrasByDate.get(o.date);
			if (list) list.push(o);
			else extrasByDate.set(o.date, [o]);
		}
	}
	return { blocks, extrasByDate };
}

/** Index 1 (Monday) to 7 (Sunday), filtered once rather than on every date. */
function rulesByWeekday(run: SlotRun, rules: readonly RuleInput[]): RuleInput[][] {
	const byWeekday: RuleInput[][] = [[], [], [], [], [], [], [], []];
	for (const r of rules) {
		if (run.consultantOk(r.consultantId) && run.formatOk(r.format) && r.weekday >= 1 && r.weekday <= 7) {
			byWeekday[r.weekday]?.push(r);
		}
	}
	return byWeekday;
}

function cutWeeklyHours(
	run: SlotRun,
	rules: readonly RuleInput[],
	overrides: readonly OverrideInput[]
): void {
	const { blocks, extrasByDate } = groupOverrides(run, overrides);
	const byWeekday = rulesByWeekday(run, rules);
	let weekday = isoWeekday(run.from);
	for (let date = run.from; date <= run.to; date = addDays(date, 1)) {
		for (const rule of byWeekday[weekday] ?? []) cutRule(run, date, rule, blocks);
		for (const extra of extrasByDate.get(date) ?? []) {
			const format = extra.format as WeeklyFormat;
			cutWindow(
				date,
				extra.startTime as string,
				extra.endTime as string,
				durationFor(run.settings, format),
				run.buffer,
				(start, end) =>
					run.accept({ start, end, format, consultantId: extra.consultantId, sprechtagId: null })
			);
		}
		weekday = weekday === 7 ? 1 : weekday + 1;
	}
}

function cutRule(run: SlotRun, date: string, rule: RuleInput, blocks: Blocks): void {
	if (rule.validFrom !== null && date < rule.validFrom) return;
	if (rule.validTo !== null && date > rule.validTo) return;
	const blocked = blocks.get(`${rule.consultantId}|${date}`);
	if (blocked === 'day') return;
	cutWindow(
		date,
		rule.startTime,
		rule.endTime,
		durationFor(run.settings, rule.format),
		run.buffer,
		(start, end) => {
			if (blocked?.some((b) => b.start < end && start < b.end)) return;
			run.accept({ start, end, format: rule.format, consultantId: rule.consultantId, sprechtagId: null });
		}
	);
}

function cutSprechtage(run: SlotRun, sprechtage: readonly SprechtagInput[]): void {
	for (const day of sprechtage) {
		if (day.status !== 'planned' || !run.consultantOk(day.consultantId)) continue;
		if (day.date < run.from || day.date > run.to) continue;
		cutWindow(
			day.date,
			day.startTime,
			day.endTime,
			run.settings.durationSprechtag,
			run.buffer,
			(start, end) =>
				run.accept({ start, end, format: 'sprechtag', consultantId: day.consultantId, sprechtagId: day.id })
		);
	}
}

/** Sorted by start, then consultant; several windows may yield the same slot (two rules, a rule and an extra): one is kept. */
function uniqueSlots(slots: Slot[]): Slot[] {
	slots.sort(
		(a, b) =>
			a.start - b.start ||
			a.consultantId - b.consultantId ||
			a.format.localeCompare(b.format) ||
			(a.sprechtagId ?? 0) - (b.sprechtagId ?? 0)
	);
	const unique: Slot[] = [];
	for (const s of slots) {
		const last = unique[unique.length - 1];
		if (
			last &&
			last.start === s.start &&
			last.consultantId === s.consultantId &&
			last.format === s.format &&
			last.sprechtagId === s.sprechtagId
		) {
			continue;
		}
		unique.push(s);
	}
	return unique;
}

/** Whether a slot of this shape is among those offered: the re-check inside a transaction. */
export function findSlot(
	slots: readonly Slot[],
	wanted: { consultantId: number; format: SlotFormat; start: number; sprechtagId?: number | null }
): Slot | null {
	return (
		slots.find(
			(s) =>
				s.start === wanted.start &&
				s.consultantId === wanted.consultantId &&
				s.format === wanted.format &&
				(wanted.sprechtagId === undefined || s.sprechtagId === (wanted.sprechtagId ?? null))
		) ?? null
	);
}
