import { attachmentResponse } from '$lib/server/http/attachment-response';
import { denyRecord } from '$lib/server/http/gate';
import { attachmentForStaff } from '$lib/server/messages/queries';
import { services } from '$lib/server/runtime';
import { caseAction } from '../../../../case-actions.server';
import type { RequestHandler } from './$types';

/** A file of a case's conversation: the case rule, an audit row, then a download. */
export const GET: RequestHandler = async (event) => {
	const { office, staff, scope, viewer, id, ctx } = await caseAction(event);
	const { db, clock } = services();
	const aid = /^\d{1,9}$/.test(event.params.aid) ? Number(event.params.aid) : 0;
	const file = await attachmentForStaff(db, viewer, scope, office.id, id, aid, clock.now(), ctx);
	if (!file) return denyRecord(event, staff, 'attachment not visible', office.id);
	return attachmentResponse(file);
};
