import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { translate } from '$lib/i18n/messages';
import { fieldFailure } from '$lib/server/http/form';
import { formAction } from '$lib/server/http/form-action';
import { requireOfficeByKey } from '$lib/server/http/gate';
import { notFound } from '$lib/server/http/route-answers';
import type { RequestContext } from '$lib/server/identity/index';
import { type Services, services } from '$lib/server/runtime';

type OfficeAccess = Awaited<ReturnType<typeof requireOfficeByKey>>;

/** A visibility command as they are all called: services, who, their scope, the input, the request. */
export type VisibilityCommand<I> = (
	services: Services,
	staff: OfficeAccess['staff'],
	scope: OfficeAccess['scope'],
	input: I,
	ctx: RequestContext
) => Promise<{ ok: true } | { ok: false; reason: string }>;

/** The office's visibility page after a move, at `anchor` (the section the form was in). */
export const visibilityPath = (key: string, anchor = '') =>
	`/intern/buero/${key}/sichtbarkeit?gespeichert=1${anchor}`;

/**
 * A move the record's state no longer allows (someone else was faster): 409 with one message
 * for the whole page; the forms are buttons, so there are no values to keep.
 */
export function stateFailure(_refused: unknown, _values: unknown, event: Pick<RequestEvent, 'locals'>) {
	return fieldFailure(409, {}, {}, translate(event.locals.locale, 'visibility.error.state'));
}

/**
 * One form of the office's visibility page: any member of the office, `command` with the `input`
 * made of the office and the form; a record the office does not have is 404, any other refusal
 * the page's state message; back to the page at `anchor`.
 */
export function officeForm<S extends z.ZodType, I>(
	schema: S,
	command: VisibilityCommand<I>,
	input: (officeId: number, data: z.output<S>) => I,
	anchor = ''
) {
	return formAction({
		access: (event: RequestEvent<{ key: string }>) => requireOfficeByKey(event),
		schema,
		run: ({ access, data, event }) =>
			command(services(), access.staff, access.scope, input(access.office.id, data), {
				requestId: event.locals.requestId
			}),
		refuse: (refused, values, event) =>
			refused.reason === 'not_found' ? notFound() : stateFailure(refused, values, event),
		done: ({ access }) => visibilityPath(access.office.key, anchor)
	});
}
