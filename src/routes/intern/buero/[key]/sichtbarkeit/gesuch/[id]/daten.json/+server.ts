import { error } from '@sveltejs/kit';
import { requireOffice, requireStaff } from '$lib/server/http/gate';
import { getOfficeByKey } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { exportDecisionMaker } from '$lib/server/visibility/privacy';
import { staffRequest } from '$lib/server/visibility/requests';
import type { RequestHandler } from './$types';

/** A decision maker's data access request, answered by the office lead (audited). */
export const GET: RequestHandler = async (event) => {
	requireStaff(event);
	const office = await getOfficeByKey(services().db, event.params.key);
	if (!office) error(404, { message: 'not found' });
	const { staff, scope } = await requireOffice(event, office.id, 'office_lead');
	const id = /^\d{1,9}$/.test(event.params.id) ? Number(event.params.id) : 0;
	const request = await staffRequest(services().db, scope, office.id, id);
	if (!request) error(404, { message: 'not found' });
	const data = await exportDecisionMaker(
		services(),
		staff,
		scope,
		{ officeId: office.id, decisionMakerId: request.decisionMaker.id },
		{ requestId: event.locals.requestId }
	);
	if (!data) error(404, { message: 'not found' });
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="entscheider-${request.decisionMaker.id}.json"`,
			'cache-control': 'no-store'
		}
	});
};
