import { error } from '@sveltejs/kit';
import { services } from '$lib/server/runtime';
import { exportDecisionMaker } from '$lib/server/visibility/privacy';
import { requestAccess } from '../request.server';
import type { RequestHandler } from './$types';

/** A decision maker's data access request, answered by the office lead (audited). */
export const GET: RequestHandler = async (event) => {
	const { office, staff, scope, request } = await requestAccess(event, 'office_lead');
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
