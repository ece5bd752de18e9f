/**
 * The profiles part of the OpenAPI 3.1 document (merged into booking/openapi.ts). Published,
 * visible profiles only; no e-mail address or other contact data (the page's form relays).
 */
export const profilePaths = {
	'/profiles': {
		get: {
			operationId: 'listProfiles',
			summary: 'Published profiles of creatives (opt-in, approved by an office)',
			responses: {
				'200': {
					description: 'By name; no contact data.',
					content: { 'application/json': { schema: { $ref: '#/components/schemas/ProfileList' } } }
				},
				'429': {
					description: 'Too many requests from this client address; retry after the given seconds.',
					headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
					content: { 'application/json': { schema: { $ref: '#/components/schemas/RateLimited' } } }
				}
			}
		}
	}
};

export const profileSchemas = {
	Profile: {
		type: 'object',
		required: [
			'id',
			'kind',
			'name',
			'submarkets',
			'land',
			'town',
			'bio',
			'services',
			'links',
			'openForProjects',
			'url',
			'image'
		],
		properties: {
			id: { type: 'integer' },
			kind: { type: 'string', enum: ['person', 'studio'] },
			name: { type: 'string' },
			submarkets: { type: 'array', items: { type: 'string' } },
			land: { type: 'string', examples: ['DE-BE'] },
			town: { type: 'string' },
			bio: { type: 'string' },
			services: { type: 'array', items: { type: 'string' } },
			links: { type: 'array', maxItems: 6, items: { type: 'string', format: 'uri' } },
			openForProjects: { type: 'boolean' },
			url: { type: 'string', format: 'uri', description: 'The public profile page (with a contact form).' },
			image: { type: ['string', 'null'], format: 'uri' }
		}
	},
	ProfileList: {
		type: 'object',
		required: ['profiles'],
		properties: { profiles: { type: 'array', items: { $ref: '#/components/schemas/Profile' } } }
	}
};
