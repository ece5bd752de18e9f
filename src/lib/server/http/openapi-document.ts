import { bookingPaths } from '../booking/index';
import { directoryPaths } from '../directory/index';
import { eventPaths } from '../events/index';
import { DEFAULT_API_DATA_LICENSE } from '../platform/config';
import { jsonResponse, rateLimitedResponse } from '../platform/openapi';
import { referencePaths } from '../reference/index';
import { profilePaths } from '../visibility/index';
import { z } from 'zod';

/**
 * The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json: each domain's paths
 * (generated from its zod schemas) put together here, at the bridge, so no domain has to know
 * the others. The API is public: no authentication (`security: []`).
 */
export const openApiDocument = {
	openapi: '3.1.0',
	info: {
		title: 'Kreativlotse API',
		version: '1.2.0',
		summary:
			'Free consultations, events, contact points and profiles of the cultural and creative industries network.',
		description:
			'Server-to-server API for the regional offices’ own websites and for directory aggregators. The booking rules ' +
			'are those of the booking form: a booking made here is held for 30 minutes until the person confirms it by the ' +
			'link in the e-mail they receive. Instants are ISO 8601 with the Europe/Berlin offset. The directory is also ' +
			'served as an Open Referral HSDS 3.0 API under /hsds. Requests are rate-limited per client address (429 with Retry-After).',
		license: DEFAULT_API_DATA_LICENSE
	},
	servers: [{ url: '/api/v1' }],
	security: [],
	tags: [
		{ name: 'Booking', description: 'Regional offices and their free consultation slots; holding a slot.' },
		{ name: 'Events', description: 'Published events and registering for them.' },
		{ name: 'Directory', description: 'Further contact points (weitere Anlaufstellen).' },
		{ name: 'HSDS 3.0', description: 'The directory as an Open Referral HSDS 3.0 API.' },
		{ name: 'Profiles', description: 'Opt-in public profiles of creatives.' },
		{ name: 'Meta', description: 'This description.' }
	],
	paths: {
		...referencePaths,
		...bookingPaths,
		...directoryPaths,
		...eventPaths,
		...profilePaths,
		'/openapi.json': {
			get: {
				operationId: 'openApi',
				summary: 'This document',
				tags: ['Meta'],
				responses: {
					'200': jsonResponse(z.object({ openapi: z.literal('3.1.0') }).loose(), 'The OpenAPI 3.1 document.'),
					'429': rateLimitedResponse
				}
			}
		}
	}
};

/** The document as served: the data licence is the operator's (API_DATA_LICENSE, API_DATA_LICENSE_URL). */
export function servedOpenApiDocument(license: { name: string; url: string }): typeof openApiDocument {
	return { ...openApiDocument, info: { ...openApiDocument.info, license } };
}
