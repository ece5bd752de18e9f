import { type ActionFailure, error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { localizePath, type Locale } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/messages';
import type { CaseActor } from '$lib/server/cases/case-actor';
import type { CaseReference } from '$lib/server/cases/case-schemas';
import { caseChoiceKeys } from '$lib/server/cases/choice-queries';
import type { CaseResult } from '$lib/server/cases/commands-shared';
import type { RequestContext } from '$lib/server/identity/index';
import type { OfficeScope } from '$lib/server/access/scope';
import { formAction } from '$lib/server/http/form-action';
import {
	fieldErrors,
	type FormFailure,
	formObject,
	formValues,
	type FormValues
} from '$lib/server/http/form';
import { notFound } from '$lib/server/http/route-answers';
import { type Services, services } from '$lib/server/runtime';
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

export type CaseAccess = Awaited<ReturnType<typeof caseAction>>;
type CaseEvent = RequestEvent<{ key: string; id: string }>;

export function casePath(key: string, id: number, rest = ''): string {
	return `/intern/buero/${key}/begleitungen/${id}${rest}`;
}

/** The notices the case page shows after `?ok=`, one per form of the case pages that lead there. */
const NOTICES = [
	'recorded',
	'status',
	'handover',
	'closed',
	'reopened',
	'step',
	'seen',
	'merged',
	'followUp',
	'opened',
	'goals',
	'facts',
	'consentWithdrawn'
] as const;

export function caseNotice(url: URL): (typeof NOTICES)[number] | null {
	const notice = url.searchParams.get('ok');
	return NOTICES.find((n) => n === notice) ?? null;
}

type CaseRefusal = Extract<CaseResult, { ok: false }>['reason'];

/** A refused case command beside the form that was sent (a hand-over's target on its field); 404 for a case not theirs. */
export function caseRefusal(which: string, reason: CaseRefusal, values: FormValues, locale: Locale) {
	if (reason === 'not_found') notFound();
	const field = reason === 'invalid_target' ? 'toConsultantId' : '_form';
	return fail(409, { which, values, errors: { [field]: translate(locale, `cases.error.${reason}`) } });
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
	return caseRefusal(which, result.reason, formValues(form), locale);
}

/** A case command as the forms call it: the case from the URL, the form's fields beside it. */
export type CaseCommand<D> = (
	services: Services,
	actor: CaseActor,
	scope: OfficeScope,
	input: D & { caseId: number },
	ctx: RequestContext
) => Promise<CaseResult>;

/** A form the schema refused, named (`which`) so the page shows the errors beside it. */
export function named(which: string) {
	return async (failure: ActionFailure<FormFailure>) => fail(failure.status, { which, ...failure.data });
}

/** After a hand-over a consultant no longer sees the case: the dashboard instead of the case. */
export function handedOver(access: CaseAccess, event: CaseEvent) {
	if (access.viewer.role === 'consultant')
		return `/intern/buero/${event.params.key}/begleitungen?ok=handover`;
}

/**
 * One form of a case page (issue 17): the case pages' gate, the form (a failure names the form
 * that was sent, `which`, as the page shows errors beside it), one case command on this case,
 * its refusal beside the form, then the case page with the notice — or `done`'s path. A schema
 * over the reference lists (topics, sub-markets, stages, Länder) gets the keys the form offers.
 */
export function caseForm<S extends z.ZodType<object>>(
	which: string,
	schema: S | ((choices: CaseReference) => S),
	command: CaseCommand<z.output<S>>,
	notice: string,
	options: {
		multi?: readonly string[];
		/** Another page than the case's after success. */
		done?: (access: CaseAccess, event: CaseEvent) => string | undefined;
	} = {}
) {
	// Every failure it returns names its form (named, caseRefusal); the page reads `which`.
	return async (event: CaseEvent): Promise<ActionFailure<FormFailure & { which: string }>> => {
		const access = await caseAction(event);
		const choices =
			typeof schema === 'function' ? await caseChoiceKeys(services().db, event.locals.locale) : null;
		return formAction({
			access: async () => access,
			schema: typeof schema === 'function' ? schema(choices!) : schema,
			fields: { multi: options.multi },
			invalid: named(which),
			run: ({ data }) =>
				command(services(), access.viewer, access.scope, { ...data, caseId: access.id }, access.ctx),
			refuse: (result, values) => caseRefusal(which, result.reason, values, event.locals.locale),
			done: (input) =>
				options.done?.(access, event) ?? `${casePath(event.params.key, input.result.caseId)}?ok=${notice}`
		})(event) as Promise<ActionFailure<FormFailure & { which: string }>>;
	};
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
