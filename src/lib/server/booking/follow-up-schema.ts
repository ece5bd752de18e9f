import { z } from 'zod';
import type { FollowUpFormat } from './follow-up';

/**
 * The staff follow-up form: one radio value `start:format` names the slot (the consultant is
 * the case's), read as bookFollowUp takes it; an empty idempotency key is none.
 */
export const followUpSlotSchema = z
	.object({
		slot: z.string().regex(/^\d{1,15}:(office|phone|video)$/, { message: 'cases.error.slot' }),
		idempotencyKey: z.string().max(100)
	})
	.transform(({ slot, idempotencyKey }) => {
		const [start, format] = slot.split(':');
		return { start: Number(start), format: format as FollowUpFormat, idempotencyKey: idempotencyKey || null };
	});
