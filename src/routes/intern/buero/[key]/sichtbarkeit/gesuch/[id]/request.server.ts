import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { formAction } from '$lib/server/http/form-action';
import { requireOfficeByKey } from '$lib/server/http/gate';
import { idParam, notFound } from '$lib/server/http/route-answers';
import { services } from '$lib/server/runtime';
import { staffRequest } from '$lib/server/visibility/requests';
import type { CandidateSearch } from '$lib/server/visibility/staff-queries';
import { stateFailure, type VisibilityCommand } from '../../forms.server';

export type RequestPageEvent = RequestEvent<{ key: string; id: string }>;

/**
 * A request's page and its forms: the office by key (a lead for erasure), then the request
 * in that office (unknown, unverified or another office's: 404) before any form is read.
 */
export async function requestAccess(
	event: RequestPageEvent,
	minRole: 'consultant' | 'office_lead' = 'consultant'
) {
	const access = await requireOfficeByKey(event, minRole);
	const request = await staffRequest(services().db, access.scope, access.office.id, idParam(event.params.id));
	if (!request) notFound();
	return { ...access, request };
}

/** The candidate search from the URL (bounded); `search` stays null until the office searched. */
export function candidateSearch(params: URLSearchParams) {
	const filters: CandidateSearch = {
		q: (params.get('q') ?? '').trim().slice(0, 100) || null,
		submarket: (params.get('teilmarkt') ?? '').slice(0, 40) || null
	};
	return { filters, search: params.has('q') || params.has('teilmarkt') ? filters : null };
}

/**
 * One form of the request's page: `command` on the request or one of its introductions, with
 * the `input` made of the page's ids and the form; any refusal (a record gone included) is
 * the page's state message; back to the page at `anchor`.
 */
export function requestForm<S extends z.ZodType, I>(
	schema: S,
	command: VisibilityCommand<I>,
	input: (ids: { officeId: number; requestId: number }, data: z.output<S>) => I,
	anchor = '#vorstellungen'
) {
	return formAction({
		access: (event: RequestPageEvent) => requestAccess(event),
		schema,
		run: ({ access, data, event }) =>
			command(
				services(),
				access.staff,
				access.scope,
				input({ officeId: access.office.id, requestId: access.request.id }, data),
				{ requestId: event.locals.requestId }
			),
		refuse: stateFailure,
		done: ({ access }) =>
			`/intern/buero/${access.office.key}/sichtbarkeit/gesuch/${access.request.id}?gespeichert=1${anchor}`
	});
}
