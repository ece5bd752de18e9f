import { z } from 'zod';
import {
	errorSchema,
	idempotencyKeyParameter,
	jsonResponse,
	jsonSchema,
	type Paths,
	rateLimitedResponse,
	invalidOrIdempotencyConflictResponse
} from '../platform/openapi';
import { EVENT_FORMATS, EVENT_TYPES } from './rules';
import { apiRegistrationSchema, IDEMPOTENCY_KEY } from './schema';

/**
 * The events part of the OpenAPI description, generated from the schemas the handlers parse
 * their input with and type their answers by.
 */
const instant = () => z.string().meta({ format: 'date-time', examples: ['2026-06-25T18:00:00+02:00'] });
const enumOf = (values: readonly string[]) => z.enum(values as [string, ...string[]]);

export const eventListSchema = z.object({
	events: z.array(
		z.object({
			id: z.number().int(),
			title: z.string(),
			type: enumOf(EVENT_TYPES),
			format: enumOf(EVENT_FORMATS),
			start: instant(),
			end: instant(),
			office: z
				.object({ id: z.number().int(), key: z.string(), name: z.string() })
				.nullable()
				.describe('The organising office; null for an event of the whole network.'),
			capacity: z.number().int().nullable().describe('null: no limit.'),
			registered: z.number().int().describe('Places taken (confirmed, held for confirmation, offered).'),
			waitlisted: z.number().int(),
			url: z.string().meta({ format: 'uri' }).describe('The public event page.')
		})
	)
});

export const EVENT_API_STATUSES = [
	'pending_confirmation',
	'waitlisted',
	'confirmed',
	'offered',
	'cancelled',
	'expired',
	'declined'
] as const;
export const eventRegistrationCreatedSchema = z.object({
	id: z.number().int(),
	status: z
		.enum(EVENT_API_STATUSES)
		.describe(
			'pending_confirmation or waitlisted for a new registration; a repeated request answers with the current state.'
		),
	holdUntil: instant().nullable()
});

const conflictSchema = z.object({
	error: z.enum(['registration_closed', 'already_registered']),
	window: z.string().optional()
});

export const eventPaths: Paths = {
	'/events': {
		get: {
			operationId: 'listEvents',
			summary: 'Published, upcoming events with their place counts',
			tags: ['Events'],
			responses: {
				'200': jsonResponse(eventListSchema, 'Soonest first; no personal data.'),
				'429': rateLimitedResponse
			}
		}
	},
	'/events/{id}/registrations': {
		post: {
			operationId: 'registerForEvent',
			summary: 'Register a person (double opt-in by mail; waiting list when full)',
			description:
				'The same rules as the form on the event page. A free place is held for 30 minutes until the person confirms by the link in the e-mail they receive (status pending_confirmation); when all places are taken the person goes on the waiting list (status waitlisted): they confirm joining it by the link in their e-mail within 24 hours (otherwise the entry lapses), and confirmed waiters get an offer by e-mail when a place frees up.',
			tags: ['Events'],
			parameters: [
				{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
				idempotencyKeyParameter(IDEMPOTENCY_KEY, 'registration attempt')
			],
			requestBody: {
				required: true,
				content: { 'application/json': { schema: jsonSchema(apiRegistrationSchema, 'input') } }
			},
			responses: {
				'201': jsonResponse(
					eventRegistrationCreatedSchema,
					'Registered: pending_confirmation (place held) or waitlisted.'
				),
				'400': jsonResponse(
					errorSchema(['malformed_json', 'idempotency_key_required']),
					'The body is not valid JSON, or the Idempotency-Key header is missing or invalid.'
				),
				'404': jsonResponse(errorSchema(['not_found']), 'No such event (or not published).'),
				'409': jsonResponse(
					conflictSchema,
					'registration_closed: outside the registration window or cancelled; already_registered: this address is registered already.'
				),
				'422': invalidOrIdempotencyConflictResponse,
				'429': rateLimitedResponse
			}
		}
	}
};
