import type { z } from 'zod';
import { isoBerlin } from '$lib/format/iso-offset';
import {
	apiStatus,
	type bookingCreatedSchema,
	parseBookingBody,
	toHoldInput,
	validIdempotencyKey
} from '$lib/server/booking/api-schema';
import { holdBooking } from '$lib/server/booking/commands';
import { services } from '$lib/server/runtime';
import { apiError, apiJson, apiReference, creationRequest, rateLimited } from '../api.server';
import type { RequestHandler } from './$types';

/** Hold a slot for a person (double opt-in by mail), with the same command as the /termin form. */
export const POST: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	const request = await creationRequest(event.request, validIdempotencyKey);
	if (request instanceof Response) return request;
	const { key, body } = request;
	const parsed = parseBookingBody(body, await apiReference());
	if (!parsed.ok) return apiJson({ error: 'invalid', fields: parsed.fields }, 422);
	const result = await holdBooking(services(), toHoldInput(parsed.data, key), {
		requestId: event.locals.requestId
	});
	if (result.ok) {
		const created: z.output<typeof bookingCreatedSchema> = {
			id: result.bookingId,
			status: apiStatus(result.status),
			holdUntil: result.holdExpiresAt === null ? null : isoBerlin(result.holdExpiresAt)
		};
		return apiJson(created, 201);
	}
	if (result.reason === 'invalid') return apiJson({ error: 'invalid', fields: result.fields }, 422);
	if (result.reason === 'idempotency_conflict') return apiError(422, 'idempotency_conflict');
	return apiError(409, result.reason);
};
