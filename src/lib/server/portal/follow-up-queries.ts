import { addDays, berlinDate } from '../../time/berlin';
import { type FollowUpFormat, followUpFrom, followUpSlots } from '../booking/index';
import type { Db, Tx } from '../db/transaction';
import { type FollowUpCase, hasOpenCase, myCaseStatus, myFollowUpCases } from './plan-queries';

/**
 * Issue 4, item 5 (and issue 17: one read): the portal's follow-up page. Which case is meant
 * (?fall=, or the only open one), why nothing can be offered (closed, no talk yet), and else two
 * weeks of the case consultant's free slots from ?ab= grouped by Berlin day.
 */
export interface FollowUpSlotChoice {
	value: string;
	start: number;
	end: number;
	format: FollowUpFormat;
}

interface FollowUpWeek {
	from: string;
	to: string;
	today: string;
	earlier: string | null;
	later: string;
	days: { date: string; slots: FollowUpSlotChoice[] }[];
}

export interface FollowUpPage {
	cases: FollowUpCase[];
	closed: boolean;
	noTalk: boolean;
	case: FollowUpCase | null;
	week: FollowUpWeek | null;
}

/** The page, or null when the case asked for is not the creative's (the route answers 404). */
export async function followUpPage(
	db: Db | Tx,
	creativeId: number,
	asked: { fall: string | null; ab: string | null },
	now: Date
): Promise<FollowUpPage | null> {
	const open = await myFollowUpCases(db, creativeId);
	const base = { cases: open, closed: false, noTalk: false, case: null, week: null };
	let chosen = open.length === 1 && !asked.fall ? open[0]! : null;
	if (asked.fall) {
		chosen = open.find((c) => String(c.id) === asked.fall) ?? null;
		if (!chosen) {
			const status = await myCaseStatus(db, creativeId, Number(asked.fall));
			if (status === null) return null;
			// Issue 16: an open case without a talk yet offers no follow-up.
			return status === 'closed' ? { ...base, closed: true } : { ...base, noTalk: true };
		}
	}
	if (!chosen) {
		// Issue 16: without ?fall=, an open case still waiting for its first talk gets the same
		// explanation as when it is asked for by number, not "no accompaniment".
		if (!asked.fall && open.length === 0 && (await hasOpenCase(db, creativeId)))
			return { ...base, noTalk: true };
		return base;
	}
	const from = followUpFrom(asked.ab, now);
	const offered = await followUpSlots(db, { kind: 'creative', creativeId }, chosen.id, from, now);
	if (!offered) return null;
	const today = berlinDate(now);
	// Two weeks back, but never before today (followUpFrom would move a past day to today anyway).
	const earlier = from > today ? followUpFrom(addDays(from, -14), now) : null;
	const days = slotDays(offered.slots);
	return {
		...base,
		case: chosen,
		week: { from, to: addDays(from, 13), today, earlier, later: addDays(from, 14), days }
	};
}

/** A slot choice's value as the page writes it (`<start>:<format>`), read back; null if it is not one. */
export function readFollowUpSlot(value: string): { start: number; format: FollowUpFormat } | null {
	const m = /^(\d{10,15}):(office|phone|video)$/.exec(value);
	return m ? { start: Number(m[1]), format: m[2] as FollowUpFormat } : null;
}

/** The offered slots (office, phone, video) by Berlin day, in their order. */
function slotDays(slots: { start: number; end: number; format: string }[]) {
	const days: FollowUpWeek['days'] = [];
	for (const s of slots) {
		if (s.format !== 'office' && s.format !== 'phone' && s.format !== 'video') continue;
		const date = berlinDate(s.start);
		let day = days.at(-1);
		if (day?.date !== date) {
			day = { date, slots: [] };
			days.push(day);
		}
		day.slots.push({ value: `${s.start}:${s.format}`, start: s.start, end: s.end, format: s.format });
	}
	return days;
}
