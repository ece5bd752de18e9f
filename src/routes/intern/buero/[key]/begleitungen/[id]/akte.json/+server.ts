import { error } from '@sveltejs/kit';
import { exportCase } from '$lib/server/cases/case-export';
import { services } from '$lib/server/runtime';
import { calendarAccess } from '../../../kalender/access.server';
import type { RequestHandler } from './$types';

/** The case file as a JSON attachment (same gate as the case page; audited as `case.exported`). */
export const GET: RequestHandler = async (event) => {
	const { office, scope, viewer } = await calendarAccess(event);
	const { db, clock } = services();
	const now = clock.now();
	const data = await exportCase(db, viewer, scope, office.id, Number(event.params.id), now, {
		requestId: event.locals.requestId
	});
	if (!data) error(404, { message: 'not found' });
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="begleitung-${event.params.id}-${now.toISOString().slice(0, 10)}.json"`,
			'cache-control': 'no-store'
		}
	});
};
