/**
 * Lengths of time in milliseconds, the unit every instant is stored in. These are elapsed
 * time: a DAY is 24 hours, not a Berlin calendar day (which has 23 or 25 hours when the clocks
 * change). To move by calendar days, count days in time/berlin.ts and ask for the instant there.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;
