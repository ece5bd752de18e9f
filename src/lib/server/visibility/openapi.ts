import { z } from 'zod';
import { jsonResponse, type Paths, rateLimitedResponse } from '../platform/openapi';

/**
 * The profiles part of the OpenAPI description. Published, visible profiles only; no e-mail
 * address or other contact data (the page's form relays).
 */
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
	)
});

export const profilePaths: Paths = {
	'/profiles': {
		get: {
			operationId: 'listProfiles',
			summary: 'Published profiles of creatives (opt-in, approved by an office)',
			tags: ['Profiles'],
			responses: {
				'200': jsonResponse(profileListSchema, 'By name; no contact data.'),
				'429': rateLimitedResponse
			}
		}
	}
};
