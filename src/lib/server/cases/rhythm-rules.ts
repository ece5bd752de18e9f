import { DAY, WEEK } from '../../time/durations';

/**
 * The rhythm of accompaniment (issue 4, item 3): when the next contact with a creative is due,
 * and when a case counts as stalled. Pure functions over instants; callers pass `now`.
 */
export interface CaseSettings {
	/** First check-in this many weeks after a consultation (unless the record asks otherwise). */
	firstCheckinWeeks: number;
	/** Later check-ins every this many weeks after the last contact. */
	checkinIntervalWeeks: number;
	/** No contact for more than this many days: the case is stalled. */
	stalledDays: number;
	/** The creative is asked about a referral this many days after it was made. */
	referralFollowupDays: number;
	/** Offer a feedback mail (1–5 and a comment) when a case is closed. */
	feedbackMail: boolean;
}

export const DEFAULT_CASE_SETTINGS: CaseSettings = {
	firstCheckinWeeks: 4,
	checkinIntervalWeeks: 8,
	stalledDays: 60,
	referralFollowupDays: 21,
	feedbackMail: true
};

/** A check-in is "due" for the dashboard this long before the mail goes out. */
export const DUE_SOON_MS = 7 * DAY;

/** After a consultation: the record's "follow-up in N weeks" wins over the office's first check-in. */
export function dueAfterConsultation(
	heldAt: number,
	settings: CaseSettings,
	followUpWeeks: number | null
): number {
	return heldAt + (followUpWeeks ?? settings.firstCheckinWeeks) * WEEK;
}

/** After an answered check-in (or any other contact that is not a consultation). */
export function dueAfterContact(at: number, settings: CaseSettings): number {
	return at + settings.checkinIntervalWeeks * WEEK;
}

export type DueState = 'overdue' | 'due' | 'later' | 'none';

/** overdue: the date has passed without contact; due: within the coming week. */
export function dueState(nextContactDueAt: number | null, now: number): DueState {
	if (nextContactDueAt == null) return 'none';
	if (nextContactDueAt <= now) return 'overdue';
	if (nextContactDueAt - now <= DUE_SOON_MS) return 'due';
	return 'later';
}

/** No contact (consultation, answered check-in) for more than the office's stalled days. */
export function isStalled(
	lastContactAt: number | null,
	openedAt: number,
	now: number,
	settings: Pick<CaseSettings, 'stalledDays'>
): boolean {
	return now - (lastContactAt ?? openedAt) > settings.stalledDays * DAY;
}

/** A next step is overdue from the day after its due day (Berlin calendar days, 'YYYY-MM-DD'). */
export function isStepOverdue(dueOn: string | null, doneAt: number | null, today: string): boolean {
	return dueOn != null && doneAt == null && dueOn < today;
}
