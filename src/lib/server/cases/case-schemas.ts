import { z } from 'zod';
import { checkbox, email, optionalText, requiredText } from '../platform/form-fields';

/**
 * Input schemas of the staff case forms. Pure; messages are catalogue keys or issue codes that
 * http/form.ts translates. Reference keys (topics, sub-markets, stages) are passed in.
 */
const present = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === undefined ? '' : v), schema);
const id = () =>
	z
		.string()
		.regex(/^\d{1,10}$/, { message: 'form.error.choice' })
		.transform(Number);
const isoDay = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'cases.error.date' });
const optionalDay = () =>
	z
		.string()
		.trim()
		.refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v), { message: 'cases.error.date' })
		.transform((v) => (v === '' ? null : v));
const known = (values: readonly string[]) =>
	z.string().refine((v) => values.includes(v), { message: 'form.error.choice' });

export const CLOSE_REASONS = [
	'business_founded',
	'funding_obtained',
	'referred_on',
	'no_further_need',
	'no_response',
	'other'
] as const;

export const OUTCOMES = [
	'orientation_given',
	'plan_agreed',
	'referred',
	'follow_up_needed',
	'no_further_need'
] as const;

export const NOTE_MAX = 4000;
export const STEP_MAX = 500;
/** Rows for next steps on the record form (more can be added on the case page). */
export const STEP_ROWS = 3;

export const handoverSchema = z.object({
	toConsultantId: present(id()),
	note: present(optionalText(1000))
});

export const goalsSchema = z.object({ goals: present(optionalText(1000)) });

export const statusSchema = z.object({ status: present(z.enum(['open', 'paused'])) });

export const closeSchema = z.object({
	reason: present(z.enum(CLOSE_REASONS)),
	outcome: present(optionalText(1000))
});

export const stepSchema = z.object({
	text: present(requiredText(STEP_MAX)),
	owner: present(z.enum(['creative', 'consultant'])),
	dueOn: present(optionalDay()),
	shared: checkbox()
});

export const stepDoneSchema = z.object({
	stepId: present(id()),
	done: present(z.enum(['0', '1']).transform((v) => v === '1'))
});

export const seenSchema = z.object({ checkInId: present(id()) });

export const mergeSchema = z.object({ targetCaseId: present(id()) });

/** Issue 13: staff record a withdrawal given by phone or letter only after confirming it. */
export const notesWithdrawalSchema = z.object({
	confirm: z.literal('ja', { message: 'consents.staff.confirmRequired' })
});

export const settingsSchema = z.object({
	firstCheckinWeeks: present(z.coerce.number().int().min(1).max(52)),
	checkinIntervalWeeks: present(z.coerce.number().int().min(1).max(52)),
	stalledDays: present(z.coerce.number().int().min(7).max(365)),
	referralFollowupDays: present(z.coerce.number().int().min(1).max(90)),
	feedbackMail: checkbox()
});

export interface CaseReference {
	topics: readonly string[];
	submarkets: readonly string[];
	stages: readonly string[];
	laender: readonly string[];
}

/** The record form; `withBooking` = the talk is a booked appointment (date and format known). */
export function recordSchema(ref: CaseReference, withBooking: boolean) {
	const stepFields: Record<string, z.ZodType> = {};
	for (let i = 1; i <= STEP_ROWS; i++) {
		stepFields[`stepText${i}`] = present(optionalText(STEP_MAX));
		stepFields[`stepOwner${i}`] = present(z.enum(['creative', 'consultant']).catch('creative'));
		stepFields[`stepDue${i}`] = present(optionalDay());
	}
	return z
		.object({
			topics: z.array(known(ref.topics)).max(20),
			outcome: present(z.enum(OUTCOMES)),
			situation: present(optionalText(NOTE_MAX)),
			advice: present(optionalText(NOTE_MAX)),
			followUpWeeks: present(
				z
					.string()
					.trim()
					.refine((v) => v === '' || (/^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 52), {
						message: 'cases.error.weeks'
					})
					.transform((v) => (v === '' ? null : Number(v)))
			),
			shareAdvice: checkbox(),
			shareSteps: checkbox(),
			shareReferrals: checkbox(),
			referral: z.array(id()).max(20),
			heldOn: withBooking
				? z
						.unknown()
						.optional()
						.transform(() => null)
				: present(isoDay()),
			format: withBooking
				? z
						.unknown()
						.optional()
						.transform(() => null)
				: present(z.enum(['office', 'phone', 'video', 'sprechtag'])),
			idempotencyKey: present(z.string().max(100)),
			...stepFields
		})
		.transform((v) => {
			const steps: { text: string; owner: 'creative' | 'consultant'; dueOn: string | null }[] = [];
			const row = v as Record<string, unknown>;
			for (let i = 1; i <= STEP_ROWS; i++) {
				const text = row[`stepText${i}`] as string | null;
				if (text)
					steps.push({
						text,
						owner: row[`stepOwner${i}`] as 'creative' | 'consultant',
						dueOn: row[`stepDue${i}`] as string | null
					});
			}
			return {
				topics: v.topics,
				outcome: v.outcome,
				situation: v.situation,
				advice: v.advice,
				followUpWeeks: v.followUpWeeks,
				share: { advice: v.shareAdvice, steps: v.shareSteps, referrals: v.shareReferrals },
				referralServiceIds: v.referral,
				heldOn: v.heldOn as string | null,
				format: v.format as 'office' | 'phone' | 'video' | 'sprechtag' | null,
				idempotencyKey: v.idempotencyKey || null,
				steps
			};
		});
}

export function factsSchema(ref: CaseReference) {
	return z.object({
		landIso: present(z.union([z.literal('').transform(() => null), known(ref.laender)])),
		submarket: present(z.union([z.literal('').transform(() => null), known(ref.submarkets)])),
		stage: present(z.union([z.literal('').transform(() => null), known(ref.stages)])),
		topics: z.array(known(ref.topics)).max(20)
	});
}

export function openCaseSchema(ref: CaseReference) {
	return z.object({
		name: present(requiredText(200)),
		email: present(email()),
		landIso: present(z.union([z.literal('').transform(() => null), known(ref.laender)])),
		submarket: present(z.union([z.literal('').transform(() => null), known(ref.submarkets)])),
		stage: present(z.union([z.literal('').transform(() => null), known(ref.stages)])),
		topics: z.array(known(ref.topics)).max(20),
		notesConsent: checkbox(),
		consultantId: present(z.union([z.literal('').transform(() => null), id()]))
	});
}
