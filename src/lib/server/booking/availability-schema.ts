import { z } from 'zod';
import { choice, optionalText, requiredText } from '../platform/form-fields';

/**
 * Form schemas for availability, absences, booking settings and Sprechtage. Field names carry
 * a prefix per form because several forms share one page (ids must stay unique).
 * Messages are catalogue keys; http/form.ts turns them into German or English.
 */
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function realDate(value: string): boolean {
	const [y, m, d] = value.split('-').map(Number) as [number, number, number];
	const probe = new Date(Date.UTC(y, m - 1, d));
	return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

export const time = () => z.string().trim().min(1).regex(TIME, { message: 'availability.error.time' });
export const optionalTime = () =>
	z
		.string()
		.trim()
		.refine((v) => v === '' || TIME.test(v), { message: 'availability.error.time' })
		.transform((v) => (v === '' ? null : v));
export const date = () =>
	z
		.string()
		.trim()
		.min(1)
		.regex(DATE, { message: 'availability.error.date' })
		.refine(realDate, { message: 'availability.error.date' });
export const optionalDate = () =>
	z
		.string()
		.trim()
		.refine((v) => v === '' || (DATE.test(v) && realDate(v)), { message: 'availability.error.date' })
		.transform((v) => (v === '' ? null : v));
const id = () => z.coerce.number({ message: 'form.error.required' }).int().positive();
/** A whole number in [min, max]; `message` names the range in the user's words. */
const wholeNumber = (min: number, max: number, message: string) =>
	z.coerce.number({ message }).int({ message }).min(min, { message }).max(max, { message });

export const WEEKLY_FORMATS = ['office', 'phone', 'video'] as const;
export const ABSENCE_KINDS = ['holiday', 'illness', 'other'] as const;

export const ruleSchema = z
	.object({
		consultantId: id(),
		ruleFormat: choice(WEEKLY_FORMATS),
		ruleWeekday: z.coerce
			.number()
			.int()
			.min(1, { message: 'form.error.choice' })
			.max(7, { message: 'form.error.choice' }),
		ruleStart: time(),
		ruleEnd: time(),
		ruleFrom: optionalDate(),
		ruleTo: optionalDate()
	})
	.superRefine((v, ctx) => {
		if (v.ruleEnd <= v.ruleStart)
			ctx.addIssue({ code: 'custom', path: ['ruleEnd'], message: 'availability.error.endAfterStart' });
		if (v.ruleFrom && v.ruleTo && v.ruleTo < v.ruleFrom)
			ctx.addIssue({ code: 'custom', path: ['ruleTo'], message: 'availability.error.toAfterFrom' });
	})
	.transform((v) => ({
		consultantId: v.consultantId,
		format: v.ruleFormat,
		weekday: v.ruleWeekday,
		startTime: v.ruleStart,
		endTime: v.ruleEnd,
		validFrom: v.ruleFrom,
		validTo: v.ruleTo
	}));
export type RuleFormInput = z.output<typeof ruleSchema>;

export const overrideSchema = z
	.object({
		consultantId: id(),
		overrideDate: date(),
		overrideKind: choice(['extra', 'blocked'] as const),
		overrideFormat: z
			.string()
			.optional()
			.transform((v) => (v ? v : null))
			.pipe(z.enum(WEEKLY_FORMATS).nullable()),
		overrideStart: optionalTime(),
		overrideEnd: optionalTime()
	})
	.superRefine((v, ctx) => {
		if (v.overrideKind === 'extra') {
			if (!v.overrideFormat)
				ctx.addIssue({ code: 'custom', path: ['overrideFormat'], message: 'availability.error.extraFormat' });
			if (!v.overrideStart)
				ctx.addIssue({ code: 'custom', path: ['overrideStart'], message: 'availability.error.extraTimes' });
			if (!v.overrideEnd)
				ctx.addIssue({ code: 'custom', path: ['overrideEnd'], message: 'availability.error.extraTimes' });
		} else if ((v.overrideStart === null) !== (v.overrideEnd === null)) {
			ctx.addIssue({
				code: 'custom',
				path: [v.overrideStart === null ? 'overrideStart' : 'overrideEnd'],
				message: 'availability.error.bothTimes'
			});
		}
		if (v.overrideStart && v.overrideEnd && v.overrideEnd <= v.overrideStart)
			ctx.addIssue({ code: 'custom', path: ['overrideEnd'], message: 'availability.error.endAfterStart' });
	})
	.transform((v) => ({
		consultantId: v.consultantId,
		date: v.overrideDate,
		kind: v.overrideKind,
		format: v.overrideKind === 'extra' ? v.overrideFormat : null,
		startTime: v.overrideStart,
		endTime: v.overrideEnd
	}));
export type OverrideFormInput = z.output<typeof overrideSchema>;

export const absenceSchema = z
	.object({
		absenceConsultant: id(),
		absenceKind: choice(ABSENCE_KINDS),
		absenceStartDate: date(),
		absenceStartTime: optionalTime(),
		absenceEndDate: date(),
		absenceEndTime: optionalTime()
	})
	.superRefine((v, ctx) => {
		const start = `${v.absenceStartDate} ${v.absenceStartTime ?? '00:00'}`;
		const end = `${v.absenceEndDate} ${v.absenceEndTime ?? '24:00'}`;
		if (end <= start)
			ctx.addIssue({ code: 'custom', path: ['absenceEndDate'], message: 'availability.error.endAfterStart' });
	})
	.transform((v) => ({
		consultantId: v.absenceConsultant,
		kind: v.absenceKind,
		startDate: v.absenceStartDate,
		startTime: v.absenceStartTime,
		endDate: v.absenceEndDate,
		endTime: v.absenceEndTime
	}));
export type AbsenceFormInput = z.output<typeof absenceSchema>;

export const settingsSchema = z.object({
	durationOffice: wholeNumber(15, 240, 'availability.error.duration'),
	durationPhone: wholeNumber(15, 240, 'availability.error.duration'),
	durationVideo: wholeNumber(15, 240, 'availability.error.duration'),
	durationSprechtag: wholeNumber(15, 240, 'availability.error.duration'),
	bufferMinutes: wholeNumber(0, 120, 'availability.error.buffer'),
	minNoticeMinutes: wholeNumber(0, 14 * 24 * 60, 'availability.error.notice'),
	horizonDays: wholeNumber(1, 365, 'availability.error.horizon'),
	changeNoticeMinutes: wholeNumber(0, 14 * 24 * 60, 'availability.error.notice'),
	reminderHours: wholeNumber(1, 168, 'availability.error.reminder')
});

export const sprechtagSchema = z
	.object({
		consultantId: id(),
		date: date(),
		startTime: time(),
		endTime: time(),
		town: requiredText(120),
		venue: requiredText(200),
		address: requiredText(300),
		accessibility: optionalText(1000)
	})
	.superRefine((v, ctx) => {
		if (v.endTime <= v.startTime)
			ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'availability.error.endAfterStart' });
	})
	.transform((v) => ({ ...v, accessibility: v.accessibility ?? '' }));
export type SprechtagFormInput = z.output<typeof sprechtagSchema>;

export const idSchema = z.object({ id: id() });
