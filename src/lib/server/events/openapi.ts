import { ANSWER_MAX, NAME_MAX } from './register';
import { IDEMPOTENCY_KEY, QUESTIONS_MAX } from './schema';

/**
 * The events part of the OpenAPI 3.1 document (merged into booking/openapi.ts): paths relative
 * to /api/v1 and their component schemas. Written by hand as data; events/api.test.ts checks
 * real responses against it.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: string, description: string) => ({
	description,
	content: { 'application/json': { schema: ref(schema) } }
});
const rateLimited = {
	description: 'Too many requests from this client address; retry after the given seconds.',
	headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
	content: { 'application/json': { schema: ref('RateLimited') } }
};

export const eventPaths = {
	'/events': {
		get: {
			operationId: 'listEvents',
			summary: 'Published, upcoming events with their place counts',
			responses: { '200': json('EventList', 'Soonest first; no personal data.'), '429': rateLimited }
		}
	},
	'/events/{id}/registrations': {
		post: {
			operationId: 'registerForEvent',
			summary: 'Register a person (double opt-in by mail; waiting list when full)',
			description:
				'The same rules as the form on the event page. A free place is held for 30 minutes until the person confirms by the link in the e-mail they receive (status pending_confirmation); when all places are taken the person goes on the waiting list (status waitlisted) and gets an offer by e-mail when a place frees up.',
			parameters: [
				{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
				{
					name: 'Idempotency-Key',
					in: 'header',
					required: true,
					description: `A client-chosen unique key for this registration attempt (${IDEMPOTENCY_KEY.min}–${IDEMPOTENCY_KEY.max} printable ASCII characters), e.g. a UUID. The same key with the same body answers with the same registration.`,
					schema: {
						type: 'string',
						minLength: IDEMPOTENCY_KEY.min,
						maxLength: IDEMPOTENCY_KEY.max,
						pattern: '^[\\x21-\\x7e]+$'
					}
				}
			],
			requestBody: {
				required: true,
				content: { 'application/json': { schema: ref('EventRegistrationRequest') } }
			},
			responses: {
				'201': json(
					'EventRegistrationCreated',
					'Registered: pending_confirmation (place held) or waitlisted.'
				),
				'400': json(
					'BadRequest',
					'The body is not valid JSON, or the Idempotency-Key header is missing or invalid.'
				),
				'404': json('NotFound', 'No such event (or not published).'),
				'409': json(
					'EventConflict',
					'registration_closed: outside the registration window or cancelled; already_registered: this address is registered already.'
				),
				'422': {
					description: 'invalid: field errors; idempotency_conflict: the key was used with a different body.',
					content: {
						'application/json': {
							schema: { oneOf: [ref('ValidationError'), ref('IdempotencyConflict')] }
						}
					}
				},
				'429': rateLimited
			}
		}
	}
} as const;

export const eventSchemas = {
	EventList: {
		type: 'object',
		required: ['events'],
		properties: { events: { type: 'array', items: ref('Event') } }
	},
	Event: {
		type: 'object',
		required: [
			'id',
			'title',
			'type',
			'format',
			'start',
			'end',
			'office',
			'capacity',
			'registered',
			'waitlisted',
			'url'
		],
		properties: {
			id: { type: 'integer' },
			title: { type: 'string' },
			type: { type: 'string', enum: ['info', 'workshop', 'network', 'sprechtag', 'webinar'] },
			format: { type: 'string', enum: ['onsite', 'online', 'hybrid'] },
			start: { type: 'string', format: 'date-time', examples: ['2026-06-25T18:00:00+02:00'] },
			end: { type: 'string', format: 'date-time' },
			office: {
				type: ['object', 'null'],
				description: 'The organising office; null for an event of the whole network.',
				required: ['id', 'key', 'name'],
				properties: { id: { type: 'integer' }, key: { type: 'string' }, name: { type: 'string' } }
			},
			capacity: { type: ['integer', 'null'], description: 'null: no limit.' },
			registered: {
				type: 'integer',
				description: 'Places taken (confirmed, held for confirmation, offered).'
			},
			waitlisted: { type: 'integer' },
			url: { type: 'string', format: 'uri', description: 'The public event page.' }
		}
	},
	EventRegistrationRequest: {
		type: 'object',
		required: ['name', 'email', 'consents'],
		properties: {
			name: { type: 'string', minLength: 1, maxLength: NAME_MAX },
			email: { type: 'string', format: 'email' },
			submarket: {
				type: ['string', 'null'],
				description: 'A sub-market key (GET /offices lists none; see the reference data).'
			},
			answers: {
				type: 'array',
				maxItems: QUESTIONS_MAX,
				items: { type: 'string', maxLength: ANSWER_MAX },
				description: "Answers to the event's questions, in their order."
			},
			locale: { type: 'string', enum: ['de', 'en'], default: 'de' },
			consents: {
				type: 'object',
				required: ['processing'],
				properties: { processing: { type: 'boolean', const: true } }
			}
		}
	},
	EventRegistrationCreated: {
		type: 'object',
		required: ['id', 'status', 'holdUntil'],
		properties: {
			id: { type: 'integer' },
			status: {
				type: 'string',
				enum: [
					'pending_confirmation',
					'waitlisted',
					'confirmed',
					'offered',
					'cancelled',
					'expired',
					'declined'
				],
				description:
					'pending_confirmation or waitlisted for a new registration; a repeated request answers with the current state.'
			},
			holdUntil: { type: ['string', 'null'], format: 'date-time' }
		}
	},
	EventConflict: {
		type: 'object',
		required: ['error'],
		properties: {
			error: { type: 'string', enum: ['registration_closed', 'already_registered'] },
			window: { type: 'string' }
		}
	}
} as const;
