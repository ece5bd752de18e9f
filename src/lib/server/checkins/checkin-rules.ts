import { DAY } from '../../time/durations';
import { parseJsonArray } from '../platform/json-array';

/** Pure decisions about check-ins and closure feedback; callers pass `now`. */

/** A check-in link and a feedback link live this long after the mail was written. */
export const CHECK_IN_LIFETIME = 30 * DAY;
export const FEEDBACK_LIFETIME = 30 * DAY;

/** Longest text a creative may send in one field of the progress form. */
export const ANSWER_TEXT_MAX = 4000;
/** Longest feedback comment. */
export const FEEDBACK_COMMENT_MAX = 4000;
/** More ticked steps than any case has: anything beyond is not a real form. */
export const STEPS_MAX = 100;

export type CheckInState = 'answered' | 'open' | 'expired';

export function checkInState(
	row: { answeredAt: number | null; expiresAt: number },
	now: number
): CheckInState {
	if (row.answeredAt != null) return 'answered';
	return row.expiresAt <= now ? 'expired' : 'open';
}

export function isValidRating(value: unknown): value is 1 | 2 | 3 | 4 | 5 {
	return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** Ticked step ids as the form sends them: positive integers, each once. */
export function cleanStepIds(ids: readonly number[]): number[] {
	return [...new Set(ids.filter((id) => Number.isSafeInteger(id) && id > 0))].slice(0, STEPS_MAX);
}

/** The step ids an answer ticked, as stored in `check_in.steps_done`. */
export function parseStepIds(json: string): number[] {
	return parseJsonArray(json, (x): x is number => typeof x === 'number');
}
