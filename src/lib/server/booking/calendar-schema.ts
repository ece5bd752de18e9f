import { z } from 'zod';
import { checkbox, email, optionalText, phone, requiredText } from '../platform/form-fields';
import type { ApiReference } from './api-schema';
import { type API_FORMATS, CONCERN_MAX, NAME_MAX } from './api-schema';

/**
 * Input schemas of the staff calendar forms (cancel, move, book on behalf). Pure; messages are
 * catalogue keys that http/form.ts translates. Reference keys are passed in, as for the API.
 */
/** A field a hand-made request left out counts as empty, like an empty input. */
const present = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === undefined ? '' : v), schema);

export const cancelSchema = z.object({ reason: present(requiredText(500)) });

/** A slot to move to: its start instant (consultant and format stay those of the booking). */
export const moveSchema = z.object({
	reason: present(optionalText(500)),
	slot: present(
		z
			.string()
			.regex(/^\d{1,15}$/, { message: 'calendar.error.slot' })
			.transform(Number)
	)
});

/** `start:consultantId:format` — one radio value names the whole slot. */
const SLOT_VALUE = /^(\d{1,15}):(\d{1,10}):(office|phone|video|sprechtag)$/;

export function slotValue(slot: { start: number; consultantId: number; format: string }): string {
	return `${slot.start}:${slot.consultantId}:${slot.format}`;
}

const known = (values: readonly string[]) =>
	z.string().refine((v) => values.includes(v), { message: 'form.error.choice' });

export function onBehalfSchema(ref: ApiReference) {
	return z.object({
		slot: present(
			z
				.string()
				.regex(SLOT_VALUE, { message: 'calendar.error.slot' })
				.transform((v) => {
					const [, start, consultant, format] = SLOT_VALUE.exec(v)!;
					return {
						start: Number(start),
						consultantId: Number(consultant),
						format: format as (typeof API_FORMATS)[number]
					};
				})
		),
		name: present(requiredText(NAME_MAX)),
		email: present(email()),
		phone: present(phone().transform((v) => (v === '' ? null : v))),
		postcode: present(
			z
				.string()
				.trim()
				.regex(/^(\d{5})?$/, { message: 'reference.error.postcode' })
				.transform((v) => (v === '' ? null : v))
		),
		land: present(known(ref.laender)),
		submarket: present(known(ref.submarkets)),
		stage: present(known(ref.stages)),
		topics: z.array(known(ref.topics)).max(Math.max(1, ref.topics.length)),
		concern: present(requiredText(CONCERN_MAX)),
		heardFrom: present(optionalText(200)),
		locale: z.enum(['de', 'en'], { message: 'form.error.choice' }),
		consentProcessing: checkbox().refine((v) => v, { message: 'calendar.error.consent' }),
		consentNotes: checkbox(),
		consentNews: checkbox()
	});
}

export type OnBehalfInput = z.output<ReturnType<typeof onBehalfSchema>>;
