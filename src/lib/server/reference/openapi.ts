import { z } from 'zod';
import { jsonResponse, type Paths, rateLimitedResponse } from '../platform/openapi';

/** GET /offices: the answer's schema (the handler's body is typed by it) and its path. */
export const officeListSchema = z.object({
	offices: z.array(
		z.object({
			id: z.number().int(),
			key: z.string().meta({ examples: ['ni-hb'] }),
			name: z.string(),
			laender: z
				.array(z.string().regex(/^DE-[A-Z]{2}$/))
				.describe('ISO 3166-2 codes of the Länder the office covers.'),
			seat: z.string(),
			phone: z.string(),
			email: z.string()
		})
	)
});

export const referencePaths: Paths = {
	'/offices': {
		get: {
			operationId: 'listOffices',
			summary: 'Active regional offices',
			tags: ['Booking'],
			responses: {
				'200': jsonResponse(officeListSchema, 'The active offices with the Länder they cover.'),
				'429': rateLimitedResponse
			}
		}
	}
};
