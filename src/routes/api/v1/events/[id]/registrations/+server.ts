import type { z } from 'zod';
import { isoBerlin } from '$lib/format/iso-offset';
import type { EVENT_API_STATUSES, eventRegistrationCreatedSchema } from '$lib/server/events/openapi';
import { registerForEvent } from '$lib/server/events/register';
import { apiRegistrationSchema, validIdempotencyKey } from '$lib/server/events/schema';
import { services } from '$lib/server/runtime';
import { apiError, apiJson, rateLimited } from '../../../api.server';
import type { RequestHandler } from './$types';

/**
 * Register a person for an event (the same command as the form): 201 pending_confirmation (a
 * place held 30 minutes, double opt-in by mail) or 201 waitlisted. Idempotency-Key required.
 */
export const POST: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	const id = /^\d{1,9}$/.test(event.params.id) ? Number(event.params.id) : 0;
	if (!id) return apiError(404, 'not_found');
	const key = event.request.headers.get('idempotency-key');
	if (!validIdempotencyKey(key))
		return apiError(400, 'idempotency_key_required', {
			message: 'Idempotency-Key header required: 8 to 200 printable ASCII characters'
		});
	let body: unknown;
	try {
		body = await event.request.json();
	} catch {
		return apiError(400, 'malformed_json', { message: 'the body must be JSON' });
	}
	const parsed = apiRegistrationSchema.safeParse(body);
	if (!parsed.success) {
		const fields: Record<string, string> = {};
		for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
		return apiJson({ error: 'invalid', fields }, 422);
	}
	const d = parsed.data;
	const result = await registerForEvent(
		services(),
		{
			eventId: id,
			name: d.name,
			email: d.email,
			submarket: d.submarket ?? null,
			answers: d.answers ?? [],
			consents: { processing: d.consents.processing },
			locale: d.locale,
			idempotencyKey: `api:${key}`
		},
		{ requestId: event.locals.requestId }
	);
	if (result.ok) {
		const created: z.output<typeof eventRegistrationCreatedSchema> = {
			id: result.registrationId,
			status: (result.status === 'pending'
				? 'pending_confirmation'
				: result.status) as (typeof EVENT_API_STATUSES)[number],
			holdUntil: result.holdExpiresAt === null ? null : isoBerlin(result.holdExpiresAt)
		};
		return apiJson(created, 201);
	}
	switch (result.reason) {
		case 'not_found':
			return apiError(404, 'not_found');
		case 'not_open':
			return apiError(409, 'registration_closed', { window: result.window });
		case 'already_registered':
			return apiError(409, 'already_registered');
		case 'idempotency_conflict':
			return apiError(422, 'idempotency_conflict');
		case 'invalid':
			return apiJson({ error: 'invalid', fields: result.fields }, 422);
	}
};
