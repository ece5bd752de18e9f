import { berlinDate } from '../../time/berlin';

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

const monthOf = (instant: number) => berlinDate(instant).slice(0, 7);

function nextMonth(month: string): string {
	const [y, m] = month.split('-').map(Number) as [number, number];
	return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export const MAX_MONTHS = 36;

export function progressMonths(facts: ProgressFacts, now: Date): ProgressMonth[] {
	const last = monthOf(now.getTime());
	const months: string[] = [];
	for (let m = monthOf(facts.openedAt); m <= last && months.length < 600; m = nextMonth(m)) months.push(m);
	const shown = months.slice(-MAX_MONTHS);
	return shown.map((month) => {
		// "By the end of the month" compares Berlin months, so no instant arithmetic is needed.
		const agreed = facts.steps.filter((s) => monthOf(s.createdAt) <= month);
		const done = facts.steps.filter((s) => s.doneAt != null && monthOf(s.doneAt) <= month).length;
		const open = agreed.filter((s) => s.doneAt == null || monthOf(s.doneAt) > month).length;
		return {
			month,
			done,
			open,
			talks: facts.talks.filter((t) => monthOf(t) === month).length,
			referrals: facts.referrals.filter((t) => monthOf(t) === month).length
		};
	});
}
