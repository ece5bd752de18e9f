import { z } from 'zod';
import {
	errorSchema,
	jsonResponse,
	type Paths,
	queryParameters,
	rateLimitedResponse
} from '../platform/openapi';
import { API_PAGE } from './public';

/**
 * The profiles part of the OpenAPI description. Published, visible profiles only; no e-mail
 * address or other contact data (the page's form relays). Keyset-paged (issue 14).
 */
export const profileListQuerySchema = z.object({
	limit: z.coerce.number().int().min(1).max(API_PAGE.max).default(API_PAGE.default),
	cursor: z.string().max(512).optional()
});

export const profileListSchema = z.object({
	profiles: z.array(
		z.object({
			id: z.number().int(),
			kind: z.enum(['person', 'studio']),
			name: z.string(),
			submarkets: z.array(z.string()),
			land: z.string().meta({ examples: ['DE-BE'] }),
			town: z.string(),
			bio: z.string(),
			services: z.array(z.string()),
			links: z.array(z.string().meta({ format: 'uri' })).max(6),
			openForProjects: z.boolean(),
			url: z.string().meta({ format: 'uri' }).describe('The public profile page (with a contact form).'),
			image: z.string().meta({ format: 'uri' }).nullable()
		})
	),
	next: z
		.string()
		.meta({ format: 'uri' })
		.nullable()
		.describe('The next page (same limit, the cursor after this page); null on the last page.')
});

export const profilePaths: Paths = {
	'/profiles': {
		get: {
			operationId: 'listProfiles',
			summary: 'Published profiles of creatives (opt-in, approved by an office)',
			description:
				'Paged by keyset in the order profiles were first approved: follow `next` (or the `Link: <…>; rel="next"` header) until it is null. A walk sees every profile exactly once, also while profiles are added; profiles approved during the walk come at its end.',
			tags: ['Profiles'],
			parameters: queryParameters(profileListQuerySchema, {
				limit: `Profiles per page (1–${API_PAGE.max}, default ${API_PAGE.default}).`,
				cursor: 'Opaque: the cursor from a `next` link. Omit for the first page.'
			}),
			responses: {
				'200': jsonResponse(profileListSchema, 'In order of first approval; no contact data.', {
					Link: {
						description: 'RFC 8288 link to the next page (`rel="next"`), absent on the last page.',
						schema: { type: 'string' }
					}
				}),
				'400': jsonResponse(
					errorSchema(['bad_request']),
					'A limit outside 1–200, or a cursor this API did not give out.'
				),
				'429': rateLimitedResponse
			}
		}
	}
};
