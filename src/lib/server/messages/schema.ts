import { z } from 'zod';
import { requiredText } from '../platform/form-fields';
import { BODY_MAX } from './commands';
import { MAX_REMINDER_DAYS } from './jobs';
import { parseHolidays } from './rules';

/**
 * Input schemas of issue 18's forms. Messages are catalogue keys or issue codes that
 * http/form.ts translates. The attachment is read from the multipart form by the route (a
 * File is not a form value) and checked by the command (size from the config, type by bytes).
 */
const present = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === undefined ? '' : v), schema);
const wholeNumber = (min: number, max: number) =>
	z
		.string()
		.trim()
		.regex(/^\d{1,3}$/, { message: 'form.error.number' })
		.transform(Number)
		.pipe(
			z.number().min(min, { message: 'messages.error.range' }).max(max, { message: 'messages.error.range' })
		);

export const messageSchema = z.object({
	body: present(requiredText(BODY_MAX)),
	// Made by the page when it renders the form; the same key twice stores one message.
	key: present(z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { message: 'messages.error.resend' }))
});

export const creativeMessageSchema = messageSchema.extend({
	caseId: present(
		z
			.string()
			.regex(/^\d{1,10}$/, { message: 'form.error.choice' })
			.transform(Number)
	)
});

export const remindersSchema = z.object({ on: present(z.enum(['0', '1'])) });

export const messageSettingSchema = z.object({
	answerDays: present(wholeNumber(1, 30)),
	reminderDaysBefore: present(wholeNumber(0, MAX_REMINDER_DAYS)),
	holidays: present(
		z
			.string()
			.max(4000)
			.transform((text, ctx) => {
				const r = parseHolidays(text);
				if (!r.ok) {
					ctx.addIssue({ code: 'custom', message: 'messages.error.holidays' });
					return z.NEVER;
				}
				return r.days;
			})
	)
});
