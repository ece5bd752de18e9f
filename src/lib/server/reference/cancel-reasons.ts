/**
 * Issue 16: the reasons a creative can give when cancelling an appointment (optional). Kept as a
 * key on the booking (`cancel_reason_key`) for the statistics; the office reads the label in the
 * cancellation mail and the calendar.
 */
export const CANCEL_REASONS = [
	'other_appointment',
	'not_needed',
	'help_elsewhere',
	'illness',
	'other'
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export function cancelReasonOf(value: unknown): CancelReason | null {
	return CANCEL_REASONS.find((r) => r === value) ?? null;
}
