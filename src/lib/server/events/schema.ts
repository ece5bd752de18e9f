import { z } from 'zod';
import type { Locale } from '../../i18n/locale';
import { berlinDate, berlinInstant, berlinTime, DATE_PATTERN, TIME_PATTERN } from '../../time/berlin';
import { apiEmail } from '../platform/api-fields';
import { checkbox, optionalText, requiredText } from '../platform/form-fields';
import { DESCRIPTION_MAX } from './markdown';
import { ANSWER_MAX, NAME_MAX, type RegistrationInput } from './register';
import { EVENT_FORMATS, EVENT_TYPES } from './rules';

/**
 * Input schemas: the staff form (create and edit), the public registration form and the JSON
 * API body. Messages are catalogue keys (http/form.ts translates them).
 */
const date = () => z.string().trim().regex(DATE_PATTERN, { message: 'form.error.invalid' });
const optionalDate = () =>
	z
		.string()
		.trim()
		.refine((v) => v === '' || DATE_PATTERN.test(v), { message: 'form.error.invalid' })
		.transform((v) => (v === '' ? null : v));
const time = () => z.string().trim().regex(TIME_PATTERN, { message: 'events.error.time' });

const httpUrl = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), { message: 'form.error.url' })
		.transform((v) => (v === '' ? null : v));

export const QUESTIONS_MAX = 5;

const eventFormChecked = z
	.object({
		type: z.enum(EVENT_TYPES as [string, ...string[]]),
		title: requiredText(200),
		description: z.string().trim().max(DESCRIPTION_MAX),
		submarkets: z.array(z.string().max(60)).max(20),
		topics: z.array(z.string().max(60)).max(30),
		format: z.enum(EVENT_FORMATS as [string, ...string[]]),
		venue_name: optionalText(200),
		venue_address: optionalText(300),
		venue_land: optionalText(10),
		accessibility: optionalText(1000),
		online_url: httpUrl(500),
		start_date: date(),
		start_time: time(),
		end_date: optionalDate(),
		end_time: time(),
		capacity: z
			.string()
			.trim()
			.refine((v) => v === '' || (/^\d{1,5}$/.test(v) && Number(v) >= 1), {
				message: 'events.error.capacity'
			})
			.transform((v) => (v === '' ? null : Number(v))),
		registration_opens: optionalDate(),
		registration_closes: optionalDate(),
		offer_hours: z
			.string()
			.trim()
			.refine((v) => v === '' || (/^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 336), {
				message: 'events.error.offerHours'
			})
			.transform((v) => (v === '' ? 48 : Number(v))),
		questions: z.string().max(QUESTIONS_MAX * 300 + 10),
		contact_name: requiredText(200),
		contact_email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
		materials_url: httpUrl(500),
		network: checkbox()
	})
	.superRefine((v, ctx) => {
		if (v.format !== 'online' && !v.venue_address) {
			ctx.addIssue({ code: 'custom', path: ['venue_address'], message: 'events.error.venueRequired' });
		}
		if (v.format !== 'onsite' && !v.online_url) {
			ctx.addIssue({ code: 'custom', path: ['online_url'], message: 'events.error.onlineRequired' });
		}
		const questions = (v.questions ?? '').split('\n').filter((q) => q.trim() !== '');
		if (questions.length > QUESTIONS_MAX || questions.some((q) => q.trim().length > 300)) {
			ctx.addIssue({ code: 'custom', path: ['questions'], message: 'events.error.questions' });
		}
		// Refinements run even when a field failed: only compare times that parsed.
		const timesValid =
			DATE_PATTERN.test(v.start_date ?? '') &&
			TIME_PATTERN.test(v.start_time ?? '') &&
			TIME_PATTERN.test(v.end_time ?? '') &&
			(v.end_date === null || DATE_PATTERN.test(v.end_date ?? ''));
		if (!timesValid) return;
		const start = berlinInstant(v.start_date, v.start_time);
		const end = berlinInstant(v.end_date ?? v.start_date, v.end_time);
		if (!(end > start))
			ctx.addIssue({ code: 'custom', path: ['end_time'], message: 'events.error.endBeforeStart' });
	});

const toEventInput = (v: z.output<typeof eventFormChecked>) => ({
	type: v.type as (typeof EVENT_TYPES)[number],
	title: v.title,
	description: v.description,
	submarkets: [...new Set(v.submarkets)],
	topics: [...new Set(v.topics)],
	format: v.format as (typeof EVENT_FORMATS)[number],
	venueName: v.format === 'online' ? null : v.venue_name,
	venueAddress: v.format === 'online' ? null : v.venue_address,
	venueLand: v.format === 'online' ? null : v.venue_land,
	accessibility: v.accessibility,
	onlineUrl: v.format === 'onsite' ? null : v.online_url,
	start: berlinInstant(v.start_date, v.start_time),
	end: berlinInstant(v.end_date ?? v.start_date, v.end_time),
	capacity: v.capacity,
	registrationOpensAt: v.registration_opens ? berlinInstant(v.registration_opens, '00:00') : null,
	registrationClosesAt: v.registration_closes ? berlinInstant(v.registration_closes, '23:59') : null,
	offerHours: v.offer_hours,
	questions: v.questions
		.split('\n')
		.map((q) => q.trim())
		.filter(Boolean),
	contactName: v.contact_name,
	contactEmail: v.contact_email,
	materialsUrl: v.materials_url,
	network: v.network
});

export const eventFormSchema = eventFormChecked.transform(toEventInput);

/**
 * Issue 16: a new event's form also checks that the start lies ahead, so that rule is reported
 * together with every other field error instead of in a second round. Zod skips object
 * refinements once another field failed hard; `when` runs this one on whatever the fields hold.
 */
export function newEventFormSchemaAt(now: number) {
	const past = (v: unknown) => {
		const f = (v ?? {}) as { start_date?: unknown; start_time?: unknown };
		return (
			typeof f.start_date === 'string' &&
			typeof f.start_time === 'string' &&
			DATE_PATTERN.test(f.start_date.trim()) &&
			TIME_PATTERN.test(f.start_time.trim()) &&
			berlinInstant(f.start_date.trim(), f.start_time.trim()) <= now
		);
	};
	return eventFormChecked
		.refine((v) => !past(v), {
			path: ['start_date'],
			message: 'events.error.past',
			when: (payload) => past(payload.value)
		})
		.transform(toEventInput);
}

export type EventInput = z.output<typeof eventFormSchema>;

/** What an event says about itself: the form's values, and the stored event's fields. */
export type EventFields = Omit<EventInput, 'network'>;

export const cancelEventSchema = z.object({ reason: requiredText(1000) });
export const attendanceSchema = z.object({
	registration: z.coerce.number().int().positive(),
	attendance: z.enum(['attended', 'no_show', 'clear'])
});

/** The public form: answers come as answer_0 … answer_4. */
export const registrationFormSchema = z.object({
	submission_id: z.string().regex(/^[A-Za-z0-9_-]{10,60}$/),
	name: requiredText(NAME_MAX),
	email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
	submarket: z
		.string()
		.trim()
		.max(60)
		.transform((v) => (v === '' ? null : v)),
	answer_0: z.string().max(ANSWER_MAX).optional(),
	answer_1: z.string().max(ANSWER_MAX).optional(),
	answer_2: z.string().max(ANSWER_MAX).optional(),
	answer_3: z.string().max(ANSWER_MAX).optional(),
	answer_4: z.string().max(ANSWER_MAX).optional(),
	consent_processing: checkbox().refine((v) => v, { message: 'events.error.consent' })
});

export function answersFrom(v: z.output<typeof registrationFormSchema>, count: number): string[] {
	const all = [v.answer_0, v.answer_1, v.answer_2, v.answer_3, v.answer_4].map((a) => a ?? '');
	return all.slice(0, count);
}

/**
 * The registration command's input from the public form (issue 17: the mapping lives beside the
 * schema, not in the route): the event's questions decide how many answers count; a double
 * submit of one rendered form carries the same submission id and registers once.
 */
export function registrationFromForm(
	d: z.output<typeof registrationFormSchema>,
	event: { id: number; questions: string[] },
	locale: Locale
): RegistrationInput {
	return {
		eventId: event.id,
		name: d.name,
		email: d.email,
		submarket: d.submarket,
		answers: answersFrom(d, event.questions.length),
		consents: { processing: d.consent_processing },
		locale,
		idempotencyKey: `form:${d.submission_id}`
	};
}

/** The same from the JSON API's body; its Idempotency-Key is kept apart from the form's ids. */
export function registrationFromApi(
	eventId: number,
	d: z.output<typeof apiRegistrationSchema>,
	idempotencyKey: string
): RegistrationInput {
	return {
		eventId,
		name: d.name,
		email: d.email,
		submarket: d.submarket ?? null,
		answers: d.answers ?? [],
		consents: { processing: d.consents.processing },
		locale: d.locale,
		idempotencyKey: `api:${idempotencyKey}`
	};
}

export const feedbackSchema = z.object({
	rating: z.coerce
		.number()
		.int()
		.min(1, { message: 'events.error.rating' })
		.max(5, { message: 'events.error.rating' }),
	comment: optionalText(2000)
});

/** Body of POST /api/v1/events/{id}/registrations (messages in English for developers). */
export const apiRegistrationSchema = z.object({
	name: requiredText(NAME_MAX),
	email: apiEmail(),
	submarket: z.string().trim().max(60).nullable().optional(),
	answers: z.array(z.string().max(ANSWER_MAX)).max(QUESTIONS_MAX).optional(),
	locale: z.enum(['de', 'en']).default('de'),
	consents: z.object({ processing: z.literal(true, { message: 'must be true' }) })
});

// The routes and the OpenAPI paths read the API's idempotency key rule from here.
export { IDEMPOTENCY_KEY, validIdempotencyKey } from '../platform/api-fields';

/** An event as the staff form's values (Berlin wall-clock dates and times). */
export function formValuesOf(
	e: EventFields & { officeId: number | null }
): Record<string, string | string[]> {
	const endDate = berlinDate(e.end);
	return {
		type: e.type,
		title: e.title,
		description: e.description,
		submarkets: e.submarkets,
		topics: e.topics,
		format: e.format,
		venue_name: e.venueName ?? '',
		venue_address: e.venueAddress ?? '',
		venue_land: e.venueLand ?? '',
		accessibility: e.accessibility ?? '',
		online_url: e.onlineUrl ?? '',
		start_date: berlinDate(e.start),
		start_time: berlinTime(e.start),
		end_date: endDate === berlinDate(e.start) ? '' : endDate,
		end_time: berlinTime(e.end),
		capacity: e.capacity === null ? '' : String(e.capacity),
		registration_opens: e.registrationOpensAt === null ? '' : berlinDate(e.registrationOpensAt),
		registration_closes: e.registrationClosesAt === null ? '' : berlinDate(e.registrationClosesAt),
		offer_hours: String(e.offerHours),
		questions: e.questions.join('\n'),
		contact_name: e.contactName,
		contact_email: e.contactEmail,
		materials_url: e.materialsUrl ?? '',
		network: e.officeId === null ? 'on' : ''
	};
}
