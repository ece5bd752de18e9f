import { z } from 'zod';
import { apiEmail } from '../platform/api-fields';
import { requiredText } from '../platform/form-fields';
import type { HoldInput } from './commands';

/**
 * Input schema of `POST /api/v1/bookings`. Pure: the reference keys (Länder, sub-markets,
 * stages, topics) are passed in, so an unknown key is a field error like any other. Messages
 * are short English phrases: the API's readers are developers of the offices' websites.
 */
export interface ApiReference {
	laender: readonly string[];
	submarkets: readonly string[];
	stages: readonly string[];
	topics: readonly string[];
}

export const API_FORMATS = ['office', 'phone', 'video', 'sprechtag'] as const;
export const NAME_MAX = 200;
/** As hold.ts checks it (issue 3: concern ≤ 2000 characters). */
export const CONCERN_MAX = 2000;
// The routes and the OpenAPI paths read the API's idempotency key rule from here.
export { IDEMPOTENCY_KEY, validIdempotencyKey } from '../platform/api-fields';

/** An instant with an explicit offset (or Z): a local time without one is ambiguous. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const oneOf = (values: readonly string[]) =>
	z.string().refine((v) => values.includes(v), { message: 'unknown value' });

/** Optional text: missing, null and '' all mean "none" (null). Representable in the OpenAPI description. */
const optionalString = (schema: z.ZodString) =>
	schema.nullish().transform((v) => (v === undefined || v === null || v === '' ? null : v));

/** At most this many topics (each must also be a known, distinct topic). */
const TOPICS_MAX = 30;

export function bookingApiSchema(ref: ApiReference) {
	return z.object({
		officeId: z.number().int().positive(),
		start: z
			.string()
			.regex(ISO_INSTANT, { message: 'must be an ISO 8601 date-time with offset' })
			.meta({
				format: 'date-time',
				description: 'Start of a slot from /offices/{id}/slots, with offset.',
				examples: ['2026-07-01T09:00:00+02:00']
			})
			.transform((v) => Date.parse(v))
			.refine((v) => Number.isFinite(v), { message: 'must be an ISO 8601 date-time with offset' }),
		format: z.enum(API_FORMATS),
		consultantId: z
			.number()
			.int()
			.positive()
			.optional()
			.describe('Omit to let the office choose among free consultants.'),
		name: requiredText(NAME_MAX),
		email: apiEmail(),
		phone: optionalString(
			z
				.string()
				.trim()
				.max(40)
				.regex(/^[0-9+()/\-\s]*$/, { message: 'must be a phone number' })
		),
		postcode: optionalString(
			z
				.string()
				.trim()
				.regex(/^(\d{5})?$/, { message: 'must be a five-digit postcode' })
		),
		land: oneOf(ref.laender).describe('ISO 3166-2 code of the Land, e.g. DE-NI.'),
		submarket: oneOf(ref.submarkets).describe('Key of an active sub-market.'),
		stage: oneOf(ref.stages).describe('Key of an active stage.'),
		topics: z
			.array(oneOf(ref.topics))
			.max(TOPICS_MAX)
			.refine((v) => new Set(v).size === v.length, { message: 'duplicate topic' })
			.describe('Keys of active topics, each at most once.'),
		concern: z.string().trim().min(1).max(CONCERN_MAX),
		heardFrom: optionalString(z.string().trim().max(200)),
		locale: z.enum(['de', 'en']).default('de').describe('Language of the e-mails.'),
		consents: z.object({
			processing: z
				.literal(true, { message: 'must be true' })
				.describe('Consent to processing for the consultation (required).'),
			notes: z.boolean().default(false).describe('Consent to notes on content for accompaniment.'),
			news: z.boolean().default(false).describe('News about events.')
		})
	});
}

export type BookingApiInput = z.output<ReturnType<typeof bookingApiSchema>>;

const instant = () => z.string().meta({ format: 'date-time', examples: ['2026-07-01T09:00:00+02:00'] });

/** Query of GET /offices/{id}/slots (the range rules, to ≥ from and at most 62 days, are checked after). */
export const slotsQuerySchema = z.object({
	from: z.iso.date().describe('First day (YYYY-MM-DD, Europe/Berlin), inclusive.'),
	to: z.iso.date().describe('Last day (YYYY-MM-DD, Europe/Berlin), inclusive; at most 62 days after from.'),
	format: z.enum(API_FORMATS).optional(),
	consultantId: z.coerce.number().int().min(1).max(9_999_999_999).optional()
});

export const slotListSchema = z.object({
	slots: z.array(
		z.object({
			start: instant(),
			end: instant(),
			format: z.enum(API_FORMATS),
			consultantId: z.number().int()
		})
	)
});

export const BOOKING_API_STATUSES = [
	'pending_confirmation',
	'confirmed',
	'cancelled',
	'expired',
	'attended',
	'no_show'
] as const;
export const bookingCreatedSchema = z.object({
	id: z.number().int(),
	status: z
		.enum(BOOKING_API_STATUSES)
		.describe(
			'pending_confirmation for a new booking; a repeated request (same Idempotency-Key) answers with the booking’s current state.'
		),
	holdUntil: instant()
		.nullable()
		.describe('Until when the slot is held unless confirmed (null once confirmed).')
});

const OWN_MESSAGES = new Set([
	'unknown value',
	'must be true',
	'must be an e-mail address',
	'must be a phone number',
	'must be a five-digit postcode',
	'must be an ISO 8601 date-time with offset',
	'duplicate topic'
]);

function message(issue: z.core.$ZodIssue): string {
	if (OWN_MESSAGES.has(issue.message) && issue.code !== 'invalid_type') return issue.message;
	switch (issue.code) {
		case 'too_big':
			return `too long (at most ${Number(issue.maximum)})`;
		case 'too_small':
			return issue.origin === 'string' && Number(issue.minimum) <= 1
				? 'required'
				: `too short (at least ${Number(issue.minimum)})`;
		case 'invalid_type':
			return issue.input === undefined ? 'required' : `must be of type ${issue.expected}`;
		case 'invalid_value':
			return 'unknown value';
		default:
			return 'invalid';
	}
}

/** Field path → message; nested fields are dotted (`consents.processing`, `topics.2`). */
export function apiFieldErrors(error: z.ZodError): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const issue of error.issues) {
		const path = issue.path.map(String).join('.') || '_body';
		fields[path] ??= message(issue);
	}
	return fields;
}

export type ApiParse = { ok: true; data: BookingApiInput } | { ok: false; fields: Record<string, string> };

export function parseBookingBody(body: unknown, ref: ApiReference): ApiParse {
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		return { ok: false, fields: { _body: 'must be a JSON object' } };
	const result = bookingApiSchema(ref).safeParse(body);
	if (!result.success) return { ok: false, fields: apiFieldErrors(result.error) };
	return { ok: true, data: result.data };
}

/** The API's body as the hold command takes it (the same command as the public form). */
export function toHoldInput(data: BookingApiInput, idempotencyKey: string): HoldInput {
	return {
		officeId: data.officeId,
		consultantId: data.consultantId ?? null,
		format: data.format,
		start: data.start,
		intake: {
			name: data.name,
			email: data.email,
			phone: data.phone,
			postcode: data.postcode,
			land: data.land,
			submarket: data.submarket,
			stage: data.stage,
			topics: data.topics,
			concern: data.concern,
			heardFrom: data.heardFrom
		},
		consents: data.consents,
		locale: data.locale,
		idempotencyKey
	};
}

/** The API's name for a booking's state: a hold waits for the person's confirmation. */
export function apiStatus(status: string): (typeof BOOKING_API_STATUSES)[number] {
	return (status === 'held' ? 'pending_confirmation' : status) as (typeof BOOKING_API_STATUSES)[number];
}
