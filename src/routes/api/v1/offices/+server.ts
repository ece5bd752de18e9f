import { publicJson } from '$lib/server/http/conditional-response';
import type { z } from 'zod';
import type { officeListSchema } from '$lib/server/reference/openapi';
import { listOffices } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { rateLimited } from '../api.server';
import type { RequestHandler } from './$types';

/** Active offices: public contact data only. */
export const GET: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	const offices = await listOffices(services().db, { activeOnly: true });
	const body: z.output<typeof officeListSchema> = {
		offices: offices.map((o) => ({
			id: o.id,
			key: o.key,
			name: o.name,
			laender: o.laender,
			seat: o.seat,
			phone: o.phone,
			email: o.email
		}))
	};
	return publicJson(event.request, body, 300);
};
