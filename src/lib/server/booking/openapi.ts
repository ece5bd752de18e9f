import { eventPaths, eventSchemas } from '../events/openapi';
import { profilePaths, profileSchemas } from '../visibility/openapi';
import { CONCERN_MAX, IDEMPOTENCY_KEY, NAME_MAX } from './api-schema';

/**
 * The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Written by hand as
 * data; openapi.test.ts checks its structure and that real responses carry every property it
 * marks as required.
 */
const errorSchema = (codes: string[], description: string) => ({
	type: 'object',
	description,
	required: ['error'],
	properties: { error: { type: 'string', enum: codes } }
});

const json = (schemaRef: string, description: string, headers?: Record<string, unknown>) => ({
	description,
	...(headers ? { headers } : {}),
	content: { 'application/json': { schema: { $ref: `#/components/schemas/${schemaRef}` } } }
});

const rateLimited = {
	description: 'Too many requests from this client address; retry after the given seconds.',
	headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
	content: { 'application/json': { schema: { $ref: '#/components/schemas/RateLimited' } } }
};

const dateParam = (name: string, description: string) => ({
	name,
	in: 'query',
	required: true,
	description,
	schema: { type: 'string', format: 'date', examples: ['2026-07-01'] }
});

export const openApiDocument = {
	openapi: '3.1.0',
	info: {
		title: 'Kreativlotse booking API',
		version: '1.0.0',
		summary: 'Free consultations of the regional offices for the cultural and creative industries.',
		description:
			'Server-to-server API for the regional offices’ own websites. The same rules apply as for the booking form: ' +
			'a booking made here is held for 30 minutes until the person confirms it by the link in the e-mail they receive. ' +
			'Instants are ISO 8601 with the Europe/Berlin offset. Requests are rate-limited per client address (429 with Retry-After).'
	},
	servers: [{ url: '/api/v1' }],
	paths: {
		'/offices': {
			get: {
				operationId: 'listOffices',
				summary: 'Active regional offices',
				responses: {
					'200': json('OfficeList', 'The active offices with the Länder they cover.'),
					'429': rateLimited
				}
			}
		},
		'/contact-points': {
			get: {
				operationId: 'listContactPoints',
				summary: 'Further contact points (weitere Anlaufstellen)',
				description:
					'Active entries of the directory. A Land returns the national entries plus that Land’s; an entry without ' +
					'sub-market terms serves every sub-market; q matches name and description, ignoring case (every word).',
				parameters: [
					{
						name: 'land',
						in: 'query',
						required: false,
						description: 'ISO 3166-2 code of a Land.',
						schema: { type: 'string', pattern: '^DE-[A-Z]{2}$', examples: ['DE-NI'] }
					},
					{
						name: 'topic',
						in: 'query',
						required: false,
						description: 'Topic key.',
						schema: { type: 'string' }
					},
					{
						name: 'submarket',
						in: 'query',
						required: false,
						description: 'Sub-market key.',
						schema: { type: 'string' }
					},
					{
						name: 'q',
						in: 'query',
						required: false,
						description: 'Free text, at most 200 characters.',
						schema: { type: 'string', maxLength: 200 }
					}
				],
				responses: {
					'200': json('ContactPointList', 'Matching contact points; with a Land, that Land’s own first.'),
					'400': json('BadRequest', 'An unknown land, topic or submarket value.'),
					'429': rateLimited
				}
			}
		},
		'/offices/{id}/slots': {
			get: {
				operationId: 'listSlots',
				summary: 'Free slots of an office',
				description: 'Bookable slots in the Berlin calendar days [from, to], at most 62 days.',
				parameters: [
					{
						name: 'id',
						in: 'path',
						required: true,
						description: 'Office id (from /offices).',
						schema: { type: 'integer', minimum: 1 }
					},
					dateParam('from', 'First day (YYYY-MM-DD, Europe/Berlin), inclusive.'),
					dateParam('to', 'Last day (YYYY-MM-DD, Europe/Berlin), inclusive; at most 62 days after from.'),
					{
						name: 'format',
						in: 'query',
						required: false,
						schema: { $ref: '#/components/schemas/Format' }
					},
					{
						name: 'consultantId',
						in: 'query',
						required: false,
						schema: { type: 'integer', minimum: 1 }
					}
				],
				responses: {
					'200': json('SlotList', 'Free slots, sorted by start.'),
					'400': json('BadRequest', 'Missing or invalid dates, a range over 62 days, or an invalid format.'),
					'404': json('NotFound', 'No active office with this id.'),
					'429': rateLimited
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
				parameters: [
					{
						name: 'Idempotency-Key',
						in: 'header',
						required: true,
						description: `A client-chosen unique key for this booking attempt (${IDEMPOTENCY_KEY.min}–${IDEMPOTENCY_KEY.max} printable ASCII characters), e.g. a UUID.`,
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
					content: { 'application/json': { schema: { $ref: '#/components/schemas/BookingRequest' } } }
				},
				responses: {
					'201': json('BookingCreated', 'The slot is held until holdUntil; the person has been e-mailed.', {
						'Cache-Control': { $ref: '#/components/headers/NoStore' }
					}),
					'400': json(
						'BadRequest',
						'The body is not valid JSON, or the Idempotency-Key header is missing or invalid.'
					),
					'409': json(
						'Conflict',
						'slot_taken: the slot is no longer free; limit_reached: the person already has an open first consultation.'
					),
					'422': {
						description:
							'invalid: field errors; idempotency_conflict: the key was used with a different body.',
						content: {
							'application/json': {
								schema: {
									oneOf: [
										{ $ref: '#/components/schemas/ValidationError' },
										{ $ref: '#/components/schemas/IdempotencyConflict' }
									]
								}
							}
						}
					},
					'429': rateLimited
				}
			}
		},
		...eventPaths,
		...profilePaths,
		'/openapi.json': {
			get: {
				operationId: 'openApi',
				summary: 'This document',
				responses: {
					'200': {
						description: 'The OpenAPI 3.1 document.',
						content: { 'application/json': { schema: { type: 'object' } } }
					}
				}
			}
		}
	},
	components: {
		headers: {
			RetryAfter: {
				description: 'Seconds to wait before the next request.',
				schema: { type: 'integer', minimum: 1 }
			},
			NoStore: { description: 'Personal data: never cached.', schema: { type: 'string', const: 'no-store' } }
		},
		schemas: {
			...eventSchemas,
			...profileSchemas,
			Format: { type: 'string', enum: ['office', 'phone', 'video', 'sprechtag'] },
			Office: {
				type: 'object',
				required: ['id', 'key', 'name', 'laender', 'seat', 'phone', 'email'],
				properties: {
					id: { type: 'integer' },
					key: { type: 'string', examples: ['ni-hb'] },
					name: { type: 'string' },
					laender: {
						type: 'array',
						description: 'ISO 3166-2 codes of the Länder the office covers.',
						items: { type: 'string', pattern: '^DE-[A-Z]{2}$' },
						examples: [['DE-HB', 'DE-NI']]
					},
					seat: { type: 'string' },
					phone: { type: 'string' },
					email: { type: 'string' }
				}
			},
			ContactPoint: {
				type: 'object',
				required: [
					'id',
					'key',
					'name',
					'description',
					'kind',
					'cost',
					'scope',
					'land',
					'laender',
					'website',
					'email',
					'phone',
					'topics',
					'submarkets',
					'advocacy',
					'lastVerified'
				],
				properties: {
					id: { type: 'integer' },
					key: { type: 'string', examples: ['ksk'] },
					name: { type: 'string' },
					description: { type: 'string', description: 'What it helps with.' },
					kind: {
						type: 'string',
						enum: ['beratung', 'foerderung', 'versicherung', 'netzwerk', 'portal', 'verband']
					},
					cost: { type: ['string', 'null'], enum: ['free', 'fee', 'loan', 'mixed', null] },
					scope: { type: 'string', enum: ['bund', 'land'] },
					land: {
						type: ['string', 'null'],
						description: 'The (first) Land of a Land-level entry; null if national.'
					},
					laender: { type: 'array', items: { type: 'string', pattern: '^DE-[A-Z]{2}$' } },
					website: { type: ['string', 'null'], format: 'uri' },
					email: { type: ['string', 'null'] },
					phone: { type: ['string', 'null'] },
					topics: { type: 'array', items: { type: 'string' } },
					submarkets: {
						type: 'array',
						description: 'Empty: serves every sub-market.',
						items: { type: 'string' }
					},
					advocacy: { type: 'boolean', description: 'Advocacy body (Verband): no one-to-one advice.' },
					lastVerified: { type: ['string', 'null'], format: 'date-time' }
				}
			},
			ContactPointList: {
				type: 'object',
				required: ['contactPoints'],
				properties: {
					contactPoints: { type: 'array', items: { $ref: '#/components/schemas/ContactPoint' } }
				}
			},
			OfficeList: {
				type: 'object',
				required: ['offices'],
				properties: { offices: { type: 'array', items: { $ref: '#/components/schemas/Office' } } }
			},
			Slot: {
				type: 'object',
				required: ['start', 'end', 'format', 'consultantId'],
				properties: {
					start: { type: 'string', format: 'date-time', examples: ['2026-07-01T09:00:00+02:00'] },
					end: { type: 'string', format: 'date-time', examples: ['2026-07-01T10:00:00+02:00'] },
					format: { $ref: '#/components/schemas/Format' },
					consultantId: { type: 'integer' }
				}
			},
			SlotList: {
				type: 'object',
				required: ['slots'],
				properties: { slots: { type: 'array', items: { $ref: '#/components/schemas/Slot' } } }
			},
			BookingRequest: {
				type: 'object',
				required: [
					'officeId',
					'start',
					'format',
					'name',
					'email',
					'land',
					'submarket',
					'stage',
					'topics',
					'concern',
					'consents'
				],
				properties: {
					officeId: { type: 'integer', minimum: 1 },
					start: {
						type: 'string',
						format: 'date-time',
						description: 'Start of a slot from /offices/{id}/slots, with offset.',
						examples: ['2026-07-01T09:00:00+02:00']
					},
					format: { $ref: '#/components/schemas/Format' },
					consultantId: {
						type: 'integer',
						minimum: 1,
						description: 'Omit to let the office choose among free consultants.'
					},
					name: { type: 'string', minLength: 1, maxLength: NAME_MAX },
					email: { type: 'string', format: 'email', maxLength: 254 },
					phone: { type: ['string', 'null'], maxLength: 40 },
					postcode: { type: ['string', 'null'], pattern: '^(\\d{5})?$' },
					land: { type: 'string', description: 'ISO 3166-2 code of the Land, e.g. DE-NI.' },
					submarket: { type: 'string', description: 'Key of an active sub-market.' },
					stage: { type: 'string', description: 'Key of an active stage.' },
					topics: {
						type: 'array',
						items: { type: 'string' },
						uniqueItems: true,
						description: 'Keys of active topics.'
					},
					concern: { type: 'string', minLength: 1, maxLength: CONCERN_MAX },
					heardFrom: { type: ['string', 'null'], maxLength: 200 },
					locale: {
						type: 'string',
						enum: ['de', 'en'],
						default: 'de',
						description: 'Language of the e-mails.'
					},
					consents: {
						type: 'object',
						required: ['processing'],
						properties: {
							processing: {
								const: true,
								description: 'Consent to processing for the consultation (required).'
							},
							notes: {
								type: 'boolean',
								default: false,
								description: 'Consent to notes on content for accompaniment.'
							},
							news: { type: 'boolean', default: false, description: 'News about events.' }
						}
					}
				}
			},
			BookingCreated: {
				type: 'object',
				required: ['id', 'status', 'holdUntil'],
				properties: {
					id: { type: 'integer' },
					status: {
						type: 'string',
						enum: ['pending_confirmation', 'confirmed', 'cancelled', 'expired', 'attended', 'no_show'],
						description:
							'pending_confirmation for a new booking; a repeated request (same Idempotency-Key) answers with the booking’s current state.'
					},
					holdUntil: {
						type: ['string', 'null'],
						format: 'date-time',
						description: 'Until when the slot is held unless confirmed (null once confirmed).',
						examples: ['2026-06-15T10:30:00+02:00']
					}
				}
			},
			BadRequest: {
				type: 'object',
				required: ['error'],
				properties: {
					error: { type: 'string', enum: ['bad_request', 'malformed_json', 'idempotency_key_required'] },
					message: { type: 'string' }
				}
			},
			NotFound: errorSchema(['not_found'], 'Unknown resource.'),
			Conflict: errorSchema(['slot_taken', 'limit_reached'], 'The booking cannot be made.'),
			RateLimited: errorSchema(['rate_limited'], 'Too many requests.'),
			IdempotencyConflict: errorSchema(['idempotency_conflict'], 'The key was used with a different body.'),
			ValidationError: {
				type: 'object',
				required: ['error', 'fields'],
				properties: {
					error: { type: 'string', const: 'invalid' },
					fields: {
						type: 'object',
						description: 'Field path (dotted for nested fields, e.g. consents.processing) → message.',
						additionalProperties: { type: 'string' }
					}
				}
			}
		}
	}
} as const;
