import { z } from 'zod';
import { checkbox, optionalText } from '../platform/form-fields';
import { ANSWER_TEXT_MAX, FEEDBACK_COMMENT_MAX, STEPS_MAX } from './checkin-rules';

/**
 * An optional text field. Missing (a hand-made request) is empty. Line breaks arrive as CRLF but
 * the browser's maxlength counted them as one character: normalised first, so text the textarea
 * accepted is never refused as too long.
 */
const optionalField = (max: number) =>
	z.preprocess((v) => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : ''), optionalText(max));

/** The progress form: ticked step ids, two optional texts, the follow-up wish. */
export const checkInFormSchema = z.object({
	steps: z
		.array(z.string().regex(/^\d{1,12}$/))
		.max(STEPS_MAX)
		.transform((ids) => ids.map(Number)),
	changed: optionalField(ANSWER_TEXT_MAX),
	questions: optionalField(ANSWER_TEXT_MAX),
	follow_up: checkbox()
});

/** The closure feedback form: a rating 1–5 (radio buttons) and an optional comment. */
export const feedbackFormSchema = z.object({
	rating: z
		.string({ message: 'checkins.feedback.error.rating' })
		.regex(/^[1-5]$/, { message: 'checkins.feedback.error.rating' })
		.transform(Number),
	comment: optionalField(FEEDBACK_COMMENT_MAX)
});
