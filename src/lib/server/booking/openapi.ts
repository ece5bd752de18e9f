import {
	errorSchema,
	idempotencyKeyParameter,
	jsonResponse,
	jsonSchema,
	type Paths,
	queryParameters,
	rateLimitedResponse,
	invalidOrIdempotencyConflictResponse
} from '../platform/openapi';
import {
	bookingApiSchema,
	bookingCreatedSchema,
	IDEMPOTENCY_KEY,
	slotListSchema,
	slotsQuerySchema
} from './api-schema';

/**
 * The booking part of the OpenAPI description: free slots and holding one. Generated from the
 * schemas the handlers parse with (api-schema.ts). The body schema is built with empty
 * reference lists: which keys are valid is reference data (GET /offices and the pages list them).
 */
const noReference = { laender: [], submarkets: [], stages: [], topics: [] };

export const bookingPaths: Paths = {
	'/offices/{id}/slots': {
		get: {
			operationId: 'listSlots',
			summary: 'Free slots of an office',
			description: 'Bookable slots in the Berlin calendar days [from, to], at most 62 days.',
			tags: ['Booking'],
			parameters: [
				{
					name: 'id',
					in: 'path',
					required: true,
					description: 'Office id (from /offices).',
					schema: { type: 'integer', minimum: 1 }
				},
				...queryParameters(slotsQuerySchema)
			],
			responses: {
				'200': jsonResponse(slotListSchema, 'Free slots, sorted by start.'),
				'400': jsonResponse(
					errorSchema(['bad_request']),
					'Missing or invalid dates, a range over 62 days, or an invalid format.'
				),
				'404': jsonResponse(errorSchema(['not_found']), 'No active office with this id.'),
				'429': rateLimitedResponse
			}
		}
	},
	'/bookings': {
		post: {
			operationId: 'createBooking',
			summary: 'Hold a slot for a person',
			description:
				'Holds the slot and sends the person an e-mail to confirm it. Repeating a request with the same ' +
				'Idempotency-Key and the same body returns the same booking (201 again); the same key with a different ' +
				'body answers 422 idempotency_conflict.',
			tags: ['Booking'],
			parameters: [idempotencyKeyParameter(IDEMPOTENCY_KEY, 'booking attempt')],
			requestBody: {
				required: true,
				content: { 'application/json': { schema: jsonSchema(bookingApiSchema(noReference), 'input') } }
			},
			responses: {
				'201': jsonResponse(
					bookingCreatedSchema,
					'The slot is held until holdUntil; the person has been e-mailed.'
				),
				'400': jsonResponse(
					errorSchema(['malformed_json', 'idempotency_key_required']),
					'The body is not valid JSON, or the Idempotency-Key header is missing or invalid.'
				),
				'409': jsonResponse(
					errorSchema(['slot_taken', 'limit_reached']),
					'slot_taken: the slot is no longer free; limit_reached: the person already has an open first consultation.'
				),
				'422': invalidOrIdempotencyConflictResponse,
				'429': rateLimitedResponse
			}
		}
	}
};
