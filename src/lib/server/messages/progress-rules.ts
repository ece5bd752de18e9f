import { addMonths, berlinMonth } from '../../time/berlin';

/**
 * Issue 18, item 4: the months of an accompaniment at a glance. Pure: from the facts of one
 * case (steps with their creation and completion, talks, referrals) to one row per Berlin
 * month from the opening to `now` (at most the last 36 months).
 */
export interface ProgressFacts {
	openedAt: number;
	steps: { createdAt: number; doneAt: number | null }[];
	talks: number[];
	referrals: number[];
}

export interface ProgressMonth {
	/** 'YYYY-MM' (Berlin). */
	month: string;
	/** Steps done by the end of the month (cumulative). */
	done: number;
	/** Steps agreed and not yet done at the end of the month. */
	open: number;
	talks: number;
	referrals: number;
}

export const MAX_MONTHS = 36;

export function progressMonths(facts: ProgressFacts, now: Date): ProgressMonth[] {
	const last = berlinMonth(now.getTime());
	const months: string[] = [];
	for (let m = berlinMonth(facts.openedAt); m <= last && months.length < 600; m = addMonths(m, 1))
		months.push(m);
	const shown = months.slice(-MAX_MONTHS);
	return shown.map((month) => {
		// "By the end of the month" compares Berlin months, so no instant arithmetic is needed.
		const agreed = facts.steps.filter((s) => berlinMonth(s.createdAt) <= month);
		const done = facts.steps.filter((s) => s.doneAt != null && berlinMonth(s.doneAt) <= month).length;
		const open = agreed.filter((s) => s.doneAt == null || berlinMonth(s.doneAt) > month).length;
		return {
			month,
			done,
			open,
			talks: facts.talks.filter((t) => berlinMonth(t) === month).length,
			referrals: facts.referrals.filter((t) => berlinMonth(t) === month).length
		};
	});
}
