import type { z } from 'zod';
import { isoBerlin } from '$lib/format/iso-offset';
import type { eventRegistrationCreatedSchema } from '$lib/server/events/openapi';
import { type RegisterResult, registerForEvent } from '$lib/server/events/register';
import { apiRegistrationSchema, registrationFromApi, validIdempotencyKey } from '$lib/server/events/schema';
import { idParam } from '$lib/server/http/route-answers';
import { services } from '$lib/server/runtime';
import { apiError, apiJson, creationRequest, rateLimited } from '../../../api.server';
import type { RequestHandler } from './$types';

type Created = z.output<typeof eventRegistrationCreatedSchema>;

/** A refusal of the command as the API's error: status and code (the fields of an invalid body). */
function refusal(result: Exclude<RegisterResult, { ok: true }>): Response {
	if (result.reason === 'invalid') return apiJson({ error: 'invalid', fields: result.fields }, 422);
	if (result.reason === 'not_open') return apiError(409, 'registration_closed', { window: result.window });
	if (result.reason === 'idempotency_conflict') return apiError(422, 'idempotency_conflict');
	return result.reason === 'not_found' ? apiError(404, 'not_found') : apiError(409, result.reason);
}

/**
 * Register a person for an event (the same command as the form): 201 pending_confirmation (a
 * place held 30 minutes, double opt-in by mail) or 201 waitlisted. Idempotency-Key required.
 */
export const POST: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	const id = idParam(event.params.id);
	if (!id) return apiError(404, 'not_found');
	const request = await creationRequest(event.request, validIdempotencyKey);
	if (request instanceof Response) return request;
	const { key, body } = request;
	const parsed = apiRegistrationSchema.safeParse(body);
	if (!parsed.success) {
		const fields: Record<string, string> = {};
		for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
		return apiJson({ error: 'invalid', fields }, 422);
	}
	const input = registrationFromApi(id, parsed.data, key);
	const result = await registerForEvent(services(), input, { requestId: event.locals.requestId });
	if (!result.ok) return refusal(result);
	const status = (result.status === 'pending' ? 'pending_confirmation' : result.status) as Created['status'];
	const holdUntil = result.holdExpiresAt === null ? null : isoBerlin(result.holdExpiresAt);
	return apiJson({ id: result.registrationId, status, holdUntil } satisfies Created, 201);
};
