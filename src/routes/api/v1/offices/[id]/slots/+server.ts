import { isIsoDay } from '$lib/format/datetime';
import { isoBerlin } from '$lib/format/iso-offset';
import { API_FORMATS } from '$lib/server/booking/api-schema';
import { addDays } from '$lib/server/booking/rules';
import { listSlots } from '$lib/server/booking/slots';
import { getOfficeById } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { apiError, apiJson, rateLimited } from '../../../api.server';
import type { RequestHandler } from './$types';

const MAX_DAYS = 62;
type Format = (typeof API_FORMATS)[number];
const isFormat = (v: string): v is Format => (API_FORMATS as readonly string[]).includes(v);

/** Free slots of an active office in [from, to] (Berlin days), at most 62 days. */
export const GET: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	const q = event.url.searchParams;
	const from = q.get('from') ?? '';
	const to = q.get('to') ?? '';
	const format = q.get('format');
	const consultant = q.get('consultantId');
	if (!isIsoDay(from) || !isIsoDay(to) || to < from)
		return apiError(400, 'bad_request', { message: 'from and to must be days (YYYY-MM-DD), from <= to' });
	if (addDays(from, MAX_DAYS - 1) < to)
		return apiError(400, 'bad_request', { message: `at most ${MAX_DAYS} days` });
	if (format !== null && !isFormat(format))
		return apiError(400, 'bad_request', { message: `format must be one of ${API_FORMATS.join(', ')}` });
	if (consultant !== null && !/^[1-9]\d{0,9}$/.test(consultant))
		return apiError(400, 'bad_request', { message: 'consultantId must be a positive integer' });
	const { db, clock } = services();
	const id = /^[1-9]\d{0,9}$/.test(event.params.id) ? Number(event.params.id) : 0;
	const office = await getOfficeById(db, id);
	if (!office?.active) return apiError(404, 'not_found');
	const slots = await listSlots(
		db,
		{
			officeId: office.id,
			from,
			to,
			format: format ?? undefined,
			consultantId: consultant === null ? undefined : Number(consultant)
		},
		clock.now()
	);
	return apiJson({
		slots: slots.map((s) => ({
			start: isoBerlin(s.start),
			end: isoBerlin(s.end),
			format: s.format,
			consultantId: s.consultantId
		}))
	});
};
