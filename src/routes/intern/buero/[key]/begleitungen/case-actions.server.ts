import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { localizePath, type Locale } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/messages';
import type { CaseResult } from '$lib/server/cases/commands-shared';
import { fieldErrors, formObject, formValues } from '$lib/server/http/form';
import { calendarAccess } from '../kalender/access.server';

/**
 * What the case pages' actions share: the gate (any member of the office; the case commands
 * then admit the responsible consultant, leads and network admins), the case id, and one
 * mapping of a command's result to a redirect with a notice or a failure beside its form.
 */
export async function caseAction(event: RequestEvent<{ key: string; id: string }>) {
	const access = await calendarAccess(event);
	const id = Number(event.params.id);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, { message: 'not found' });
	return { ...access, id, ctx: { requestId: event.locals.requestId } };
}

export function casePath(key: string, id: number, rest = ''): string {
	return `/intern/buero/${key}/begleitungen/${id}${rest}`;
}

export function caseOutcome(
	event: RequestEvent<{ key: string; id?: string }>,
	which: string,
	form: FormData,
	result: CaseResult | { ok: true; caseId: number },
	notice: string,
	rest = ''
) {
	const { locale } = event.locals;
	if (result.ok)
		redirect(303, localizePath(locale, `${casePath(event.params.key, result.caseId, rest)}?ok=${notice}`));
	if (result.reason === 'not_found') error(404, { message: 'not found' });
	const field = result.reason === 'invalid_target' ? 'toConsultantId' : '_form';
	return fail(409, {
		which,
		values: formValues(form),
		errors: { [field]: translate(locale, `cases.error.${result.reason}`) }
	});
}

/** A form that failed validation: field errors beside the form that was sent, values kept. */
export async function parseCaseForm<T>(
	request: Request,
	schema: z.ZodType<T>,
	which: string,
	locale: Locale,
	multi: readonly string[] = []
) {
	const form = await request.formData().catch(() => new FormData());
	const result = schema.safeParse(formObject(form, multi));
	if (result.success) return { ok: true as const, form, data: result.data };
	return {
		ok: false as const,
		form,
		failure: fail(400, { which, values: formValues(form), errors: fieldErrors(result.error, locale) })
	};
}
