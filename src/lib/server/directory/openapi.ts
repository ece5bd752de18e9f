import { z } from 'zod';
import {
	errorSchema,
	jsonResponse,
	jsonSchema,
	type Paths,
	queryParameters,
	rateLimitedResponse
} from '../platform/openapi';
import {
	hsdsMetaSchema,
	hsdsServiceListPageSchema,
	hsdsServicePageSchema,
	hsdsServiceSchema,
	hsdsServicesQuerySchema,
	hsdsTaxonomiesQuerySchema,
	hsdsTaxonomyPageSchema,
	hsdsTaxonomySchema,
	hsdsTaxonomyTermFullSchema,
	hsdsTaxonomyTermPageSchema,
	hsdsTaxonomyTermsQuerySchema
} from './hsds-schema';
import { CONTACT_POINT_COSTS, CONTACT_POINT_KINDS, SCOPES } from './schema';

/** GET /contact-points: query and answer (the handler parses and types with these). */
export const contactPointsQuerySchema = z.object({
	land: z
		.string()
		.regex(/^DE-[A-Z]{2}$/)
		.optional()
		.describe('ISO 3166-2 code of a Land: its entries and the national ones.'),
	topic: z.string().max(60).optional().describe('Topic key.'),
	submarket: z.string().max(60).optional().describe('Sub-market key.'),
	q: z.string().max(200).optional().describe('Free text: every word must occur in name or description.')
});

const laender = () => z.array(z.string().regex(/^DE-[A-Z]{2}$/));
export const contactPointListSchema = z.object({
	contactPoints: z.array(
		z.object({
			id: z.number().int(),
			key: z.string().meta({ examples: ['ksk'] }),
			name: z.string(),
			description: z.string().describe('What it helps with.'),
			kind: z.enum(CONTACT_POINT_KINDS),
			cost: z.enum(CONTACT_POINT_COSTS).nullable(),
			scope: z.enum(SCOPES),
			land: z.string().nullable().describe('The (first) Land of a Land-level entry; null if national.'),
			laender: laender(),
			website: z.string().nullable(),
			email: z.string().nullable(),
			phone: z.string().nullable(),
			topics: z.array(z.string()),
			submarkets: z.array(z.string()).describe('Empty: serves every sub-market.'),
			advocacy: z.boolean().describe('Advocacy body (Verband): no one-to-one advice.'),
			lastVerified: z.string().meta({ format: 'date-time' }).nullable()
		})
	)
});

const idParameter = (description: string) => ({
	name: 'id',
	in: 'path' as const,
	required: true,
	description,
	schema: { type: 'string' }
});
const badRequest = (what: string) => jsonResponse(errorSchema(['bad_request']), what);
const hsds = ['HSDS 3.0'];

/** GET of one HSDS record by its UUID: the record, or 404. */
const hsdsById = (op: {
	operationId: string;
	summary: string;
	id: string;
	schema: z.ZodType;
	found: string;
	notFound: string;
}) => ({
	get: {
		operationId: op.operationId,
		summary: op.summary,
		tags: hsds,
		parameters: [idParameter(op.id)],
		responses: {
			'200': jsonResponse(op.schema, op.found),
			'404': jsonResponse(errorSchema(['not_found']), op.notFound),
			'429': rateLimitedResponse
		}
	}
});

export const directoryPaths: Paths = {
	'/contact-points': {
		get: {
			operationId: 'listContactPoints',
			summary: 'Further contact points (weitere Anlaufstellen)',
			description:
				'Active entries of the directory. A Land returns the national entries plus that Land’s; an entry without ' +
				'sub-market terms serves every sub-market; q matches name and description, ignoring case (every word).',
			tags: ['Directory'],
			parameters: queryParameters(contactPointsQuerySchema),
			responses: {
				'200': jsonResponse(
					contactPointListSchema,
					'Matching contact points; with a Land, that Land’s own first.'
				),
				'400': badRequest('An unknown land, topic or submarket value, or q over 200 characters.'),
				'429': rateLimitedResponse
			}
		}
	},
	'/hsds': {
		get: {
			operationId: 'getAPIMetaInformation',
			summary: 'HSDS API metadata',
			description:
				'Open Referral HSDS 3.0 API (https://docs.openreferral.org/en/v3.0/): the HSDS version of this API and where its description is. Also answered at /hsds/.',
			tags: hsds,
			responses: {
				'200': jsonResponse(hsdsMetaSchema, 'Information about this API.'),
				'429': rateLimitedResponse
			}
		}
	},
	'/hsds/services': {
		get: {
			operationId: 'getPaginatedListOfServices',
			summary: 'HSDS services, paginated',
			description:
				'Active contact points as HSDS 3.0 services, sorted by our key. By default each item has the one-to-one ' +
				'fields and its organization (compiled service_list schema); full=true gives fully nested services. ' +
				'Fields without a value are left out.',
			tags: hsds,
			parameters: queryParameters(hsdsServicesQuerySchema, {
				search: 'Full text: every word must occur in name or descriptions, ignoring case.',
				taxonomy_term_id: 'Services with this taxonomy term (its id from a service’s attributes).',
				taxonomy_id: 'Services with any term of this taxonomy.',
				organization_id: 'Services of this organization.',
				modified_after: 'Services modified at or after this instant (ISO 8601 with offset).',
				full: 'true: fully nested services.',
				format: 'Only json is offered.'
			}),
			responses: {
				'200': {
					description: 'A page of services; size is the number of services on this page.',
					content: {
						'application/json': {
							schema: {
								// anyOf: an empty page fits both.
								anyOf: [jsonSchema(hsdsServiceListPageSchema), jsonSchema(hsdsServicePageSchema)]
							}
						}
					}
				},
				'400': badRequest('A parameter does not fit (see the parameter schemas).'),
				'429': rateLimitedResponse
			}
		}
	},
	'/hsds/services/{id}': hsdsById({
		operationId: 'getFullyNestedServiceById',
		summary: 'One HSDS service, fully nested',
		id: 'The service id (a UUID).',
		schema: hsdsServiceSchema,
		found: 'The service with its organization, areas and taxonomy terms.',
		notFound: 'No active service with this id.'
	}),
	'/hsds/taxonomies': {
		get: {
			operationId: 'getPaginatedListOfTaxonomies',
			summary: 'HSDS taxonomies, paginated',
			description:
				'Our vocabularies (kreativlotse-topic, -submarket, -kind, -cost, -advocacy): the taxonomy_id of the ' +
				'services’ attribute terms.',
			tags: hsds,
			parameters: queryParameters(hsdsTaxonomiesQuerySchema, {
				search: 'Every word must occur in name or description, ignoring case.',
				format: 'Only json is offered.'
			}),
			responses: {
				'200': jsonResponse(hsdsTaxonomyPageSchema, 'A page of taxonomies.'),
				'400': badRequest('A parameter does not fit (see the parameter schemas).'),
				'429': rateLimitedResponse
			}
		}
	},
	'/hsds/taxonomies/{id}': hsdsById({
		operationId: 'getTaxonomyById',
		summary: 'One HSDS taxonomy',
		id: 'The taxonomy id (a UUID).',
		schema: hsdsTaxonomySchema,
		found: 'The taxonomy.',
		notFound: 'No taxonomy with this id.'
	}),
	'/hsds/taxonomy_terms': {
		get: {
			operationId: 'getPaginatedListOfTaxonomyTerms',
			summary: 'HSDS taxonomy terms, paginated',
			description:
				'Every term of our vocabularies with its taxonomy (taxonomy_detail); the ids are those of the services’ ' +
				'attributes. The vocabularies are flat: no term has a parent.',
			tags: hsds,
			parameters: queryParameters(hsdsTaxonomyTermsQuerySchema, {
				search: 'Every word must occur in code, name or description, ignoring case.',
				format: 'Only json is offered.',
				taxonomy_id: 'Terms of this taxonomy.',
				top_only: 'Only terms without a parent (here: every term).',
				parent_id: 'Terms with this parent (here: none).'
			}),
			responses: {
				'200': jsonResponse(hsdsTaxonomyTermPageSchema, 'A page of taxonomy terms.'),
				'400': badRequest('A parameter does not fit (see the parameter schemas).'),
				'429': rateLimitedResponse
			}
		}
	},
	'/hsds/taxonomy_terms/{id}': hsdsById({
		operationId: 'getTaxonomyTermById',
		summary: 'One HSDS taxonomy term',
		id: 'The taxonomy term id (a UUID).',
		schema: hsdsTaxonomyTermFullSchema,
		found: 'The term with its taxonomy.',
		notFound: 'No taxonomy term with this id.'
	})
};
