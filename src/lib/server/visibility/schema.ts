import { z } from 'zod';
import { checkbox, email, optionalText, requiredText } from '../platform/form-fields';
import { LINKS_MAX, SERVICES_MAX, containsEmailAddress, safeLink } from './rules';

/**
 * Input schemas of the visibility forms. Messages are catalogue keys (visibility.error.*) or
 * come from http/form.ts by issue code.
 */
const noEmail = (max: number) =>
	optionalText(max).refine((v) => v === null || !containsEmailAddress(v), {
		message: 'visibility.error.noEmail'
	});

const link = z
	.string()
	.trim()
	.max(500)
	.transform((v) => (v === '' ? null : v))
	.refine((v) => v === null || safeLink(v) !== null, { message: 'visibility.error.link' })
	.transform((v) => (v === null ? null : safeLink(v)));

const landIso = z.string().regex(/^DE-[A-Z]{2}$/, { message: 'form.error.choice' });
const submarketKeys = z
	.array(z.string().regex(/^[a-z0-9_-]{1,40}$/))
	.min(1, { message: 'visibility.error.submarkets' })
	.max(12);

export const profileFormSchema = z.object({
	kind: z.enum(['person', 'studio']),
	display_name: requiredText(120).refine((v) => !containsEmailAddress(v), {
		message: 'visibility.error.noEmail'
	}),
	submarkets: submarketKeys,
	land: landIso,
	town: requiredText(80),
	bio: noEmail(1500),
	services: noEmail(1500).refine(
		(v) =>
			v === null ||
			v
				.split('\n')
				.map((s) => s.trim())
				.filter(Boolean).length <= SERVICES_MAX,
		{ message: 'visibility.error.services' }
	),
	link_0: link,
	link_1: link,
	link_2: link,
	link_3: link,
	link_4: link,
	link_5: link,
	contact_preference: z.enum(['form', 'office']),
	open_for_projects: checkbox()
});
export type ProfileFormInput = z.output<typeof profileFormSchema>;

/** What a creative writes about themselves: the same in the form, the review queue and in public. */
export interface ProfileFields {
	kind: 'person' | 'studio';
	displayName: string;
	submarkets: string[];
	landIso: string;
	town: string;
	bio: string;
	services: string[];
	links: string[];
}

export interface ProfileInput extends ProfileFields {
	contactPreference: 'form' | 'office';
	openForProjects: boolean;
}

export function profileInputFrom(v: ProfileFormInput): ProfileInput {
	const links = [v.link_0, v.link_1, v.link_2, v.link_3, v.link_4, v.link_5].filter(
		(l): l is string => l !== null
	);
	return {
		kind: v.kind,
		displayName: v.display_name,
		submarkets: [...new Set(v.submarkets)],
		landIso: v.land,
		town: v.town,
		bio: v.bio ?? '',
		services: (v.services ?? '')
			.split('\n')
			.map((s) => s.trim().slice(0, 120))
			.filter(Boolean),
		links: links.slice(0, LINKS_MAX),
		contactPreference: v.contact_preference,
		openForProjects: v.open_for_projects
	};
}

export const publishSchema = z.object({
	consent_profile: checkbox().refine((v) => v, { message: 'visibility.error.consentProfile' })
});

export const imageAltSchema = z.object({ image_alt: optionalText(200) });

export const contactFormSchema = z.object({
	submission_id: z.string().regex(/^[A-Za-z0-9_-]{10,60}$/),
	name: requiredText(120),
	email: email(),
	message: z.string().trim().min(10, { message: 'visibility.error.messageShort' }).max(2000),
	consent_relay: checkbox().refine((v) => v, { message: 'visibility.error.consentRelay' })
});

export const reportSchema = z.object({
	reason: z.string().trim().min(5, { message: 'visibility.error.reasonShort' }).max(1000)
});

export const reasonSchema = z.object({
	profile: z.coerce.number().int().positive(),
	reason: requiredText(1000)
});
export const profileIdSchema = z.object({ profile: z.coerce.number().int().positive() });
export const reportIdSchema = z.object({ report: z.coerce.number().int().positive() });

const euros = z
	.string()
	.trim()
	.max(12)
	.transform((v) => (v === '' ? null : v))
	.refine((v) => v === null || /^\d{1,9}$/.test(v), { message: 'form.error.number' })
	.transform((v) => (v === null ? null : Number(v)));

export const requestFormSchema = z
	.object({
		submission_id: z.string().regex(/^[A-Za-z0-9_-]{10,60}$/),
		organisation: requiredText(200),
		org_type: z.enum(['municipality', 'company', 'institution', 'agency']),
		contact_name: requiredText(120),
		email: email(),
		phone: z
			.string()
			.trim()
			.max(40)
			.regex(/^[0-9+()/\-\s]*$/, { message: 'form.error.invalid' })
			.transform((v) => (v === '' ? null : v)),
		title: requiredText(160),
		description: z.string().trim().min(20, { message: 'visibility.error.descriptionShort' }).max(4000),
		submarkets: submarketKeys,
		land: landIso,
		region: optionalText(120),
		budget_min: euros,
		budget_max: euros,
		deadline: z
			.string()
			.trim()
			.transform((v) => (v === '' ? null : v))
			.refine((v) => v === null || /^\d{4}-\d{2}-\d{2}$/.test(v), { message: 'form.error.invalid' }),
		visibility: z.enum(['public', 'private']),
		consent_request: checkbox().refine((v) => v, { message: 'visibility.error.consentRequest' })
	})
	.superRefine((v, ctx) => {
		if (v.budget_min !== null && v.budget_max !== null && v.budget_min > v.budget_max)
			ctx.addIssue({ code: 'custom', path: ['budget_max'], message: 'visibility.error.budget' });
	});
export type RequestFormInput = z.output<typeof requestFormSchema>;

/**
 * Issue 16: the form with the "deadline not in the past" check inside the schema, so a past
 * deadline is reported together with every other error instead of in a second round.
 * `today` is the Berlin day (YYYY-MM-DD); the command keeps its own check as the guard.
 */
export function requestFormSchemaOn(today: string) {
	const past = (v: unknown) => {
		const deadline = (v as { deadline?: unknown } | null)?.deadline;
		return typeof deadline === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(deadline) && deadline < today;
	};
	// Zod skips object refinements once another field failed hard (a missing choice); `when`
	// runs this one regardless, on whatever the deadline field holds.
	return requestFormSchema.refine((v) => !past(v), {
		path: ['deadline'],
		message: 'visibility.error.deadlinePast',
		when: (payload) => past(payload.value)
	});
}

export const interestSchema = z.object({ message: requiredText(1000) });

export const proposeSchema = z.object({
	creative: z.coerce.number().int().positive(),
	profile: z
		.string()
		.optional()
		.transform((v) => (v ? Number(v) : null))
		.pipe(z.number().int().positive().nullable()),
	case: z
		.string()
		.optional()
		.transform((v) => (v ? Number(v) : null))
		.pipe(z.number().int().positive().nullable()),
	message: optionalText(1000)
});

export const respondSchema = z.object({
	decision: z.enum(['accept', 'decline']),
	message: optionalText(500)
});

export const outcomeSchema = z.object({
	introduction: z.coerce.number().int().positive(),
	outcome: z.enum(['met', 'cooperation', 'no_fit'])
});
export const introductionIdSchema = z.object({ introduction: z.coerce.number().int().positive() });
export const requestModerationSchema = z.object({
	request: z.coerce.number().int().positive(),
	reason: optionalText(1000)
});
