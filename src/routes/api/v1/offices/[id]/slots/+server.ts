import type { z } from 'zod';
import { isoBerlin } from '$lib/format/iso-offset';
import { type slotListSchema, slotsQuerySchema } from '$lib/server/booking/api-schema';
import { listSlots } from '$lib/server/booking/slots';
import { getOfficeById } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { addDays } from '$lib/time/berlin';
import { apiError, apiJson, limitedQuery } from '../../../api.server';
import type { RequestHandler } from './$types';

const MAX_DAYS = 62;

/** Free slots of an active office in [from, to] (Berlin days), at most 62 days. */
export const GET: RequestHandler = async (event) => {
	const query = await limitedQuery(event, slotsQuerySchema);
	if (query instanceof Response) return query;
	const { from, to, format, consultantId } = query;
	if (to < from) return apiError(400, 'bad_request', { message: 'from must not be after to' });
	if (addDays(from, MAX_DAYS - 1) < to)
		return apiError(400, 'bad_request', { message: `at most ${MAX_DAYS} days` });
	const { db, clock } = services();
	const id = /^[1-9]\d{0,9}$/.test(event.params.id) ? Number(event.params.id) : 0;
	const office = await getOfficeById(db, id);
	if (!office?.active) return apiError(404, 'not_found');
	const slots = await listSlots(db, { officeId: office.id, from, to, format, consultantId }, clock.now());
	const body: z.output<typeof slotListSchema> = {
		slots: slots.map((s) => ({
			start: isoBerlin(s.start),
			end: isoBerlin(s.end),
			format: s.format,
			consultantId: s.consultantId
		}))
	};
	return apiJson(body);
};
