import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Locale } from '../../i18n/locale';
import { hasMessage, translate } from '../../i18n/messages';

/**
 * Reads a form, validates it with a schema and, on failure, answers 400 with German (or
 * English) field errors and the user's own values, so nothing typed is lost. Secret fields
 * (passwords, codes) are never echoed back.
 */
export type FormValues = Record<string, string | string[]>;
export interface FormFailure {
	values: FormValues;
	errors: Record<string, string>;
	message?: string;
}

export function formValues(form: FormData, secret: readonly string[] = []): FormValues {
	const values: FormValues = {};
	for (const key of new Set(form.keys())) {
		if (secret.includes(key) || key.startsWith('_')) continue;
		const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
		values[key] = all.length > 1 ? all : (all[0] ?? '');
	}
	return values;
}

/** The form as a plain object; fields listed in `multi` are always arrays (checkbox groups). */
export function formObject(form: FormData, multi: readonly string[] = []): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of new Set(form.keys())) {
		const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
		out[key] = multi.includes(key) ? all : (all[0] ?? '');
	}
	for (const key of multi) out[key] ??= [];
	return out;
}

function issueText(issue: z.core.$ZodIssue, locale: Locale): string {
	if (issue.message && hasMessage(issue.message)) return translate(locale, issue.message);
	switch (issue.code) {
		case 'too_small':
			if (issue.origin === 'string' && Number(issue.minimum) <= 1)
				return translate(locale, 'form.error.required');
			if (issue.origin === 'array') return translate(locale, 'form.error.required');
			return translate(locale, 'form.error.tooShort', { min: Number(issue.minimum) });
		case 'too_big':
			return translate(locale, 'form.error.tooLong', { max: Number(issue.maximum) });
		case 'invalid_format':
			return translate(locale, issue.format === 'email' ? 'form.error.email' : 'form.error.invalid');
		case 'invalid_value':
			return translate(locale, 'form.error.choice');
		case 'invalid_type':
			return translate(locale, issue.expected === 'number' ? 'form.error.number' : 'form.error.required');
		default:
			return translate(locale, 'form.error.invalid');
	}
}

export function fieldErrors(error: z.ZodError, locale: Locale): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? '_form');
		errors[field] ??= issueText(issue, locale);
	}
	return errors;
}

/**
 * On failure, `input` is the form as the schema saw it, so rules checked after the schema can
 * still be asked about the fields that were fine (issue 16, see `validFields`).
 */
export type Parsed<T> =
	| { ok: true; data: T; values: FormValues }
	| { ok: false; failure: ActionFailure<FormFailure>; input: Record<string, unknown> };

export async function parseForm<S extends z.ZodType>(
	request: Request,
	schema: S,
	locale: Locale,
	options: { multi?: readonly string[]; secret?: readonly string[] } = {}
): Promise<Parsed<z.output<S>>> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		form = new FormData();
	}
	const values = formValues(form, options.secret);
	const input = formObject(form, options.multi);
	const result = schema.safeParse(input);
	if (result.success) return { ok: true, data: result.data, values };
	return { ok: false, failure: fail(400, { values, errors: fieldErrors(result.error, locale) }), input };
}

/** A failure for one field (or `_form` for the whole form) found after validation. */
export function fieldFailure(
	status: number,
	values: FormValues,
	errors: Record<string, string>,
	message?: string
): ActionFailure<FormFailure> {
	return fail(status, { values, errors, message });
}

/**
 * The fields of a failed form that pass their own schema, each on its own: a rule that needs
 * only these can still run, and one whose field failed stays quiet (the schema said enough).
 */
export function validFields<Shape extends z.core.$ZodShape>(
	shape: Shape,
	input: Record<string, unknown>
): { [K in keyof Shape]?: z.output<Shape[K]> } {
	const valid: Record<string, unknown> = {};
	for (const [name, field] of Object.entries(shape)) {
		const result = (field as z.ZodType).safeParse(input[name]);
		if (result.success) valid[name] = result.data;
	}
	return valid as { [K in keyof Shape]?: z.output<Shape[K]> };
}

/**
 * Issue 16: errors of rules checked after the schema (an address already taken, a date in the
 * past) join the schema's failure when the form fails anyway, so the user sees every error in one
 * round. The schema's own message for a field wins (a malformed address is not "taken").
 */
export function withRuleErrors(
	failure: ActionFailure<FormFailure>,
	ruleErrors: Record<string, string>
): ActionFailure<FormFailure> {
	return fail(failure.status, { ...failure.data, errors: { ...ruleErrors, ...failure.data.errors } });
}
