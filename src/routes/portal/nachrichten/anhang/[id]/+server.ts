import { error } from '@sveltejs/kit';
import { attachmentResponse } from '$lib/server/http/attachment-response';
import { requireCreative } from '$lib/server/http/gate';
import { attachmentForCreative } from '$lib/server/messages/queries';
import { services } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** A file of one of my own conversations, as a download. */
export const GET: RequestHandler = async (event) => {
	const me = requireCreative(event);
	const { db, clock } = services();
	const id = /^\d{1,9}$/.test(event.params.id) ? Number(event.params.id) : 0;
	const file = await attachmentForCreative(db, me.id, id, clock.now(), { requestId: event.locals.requestId });
	if (!file) error(404, { message: 'not found' });
	return attachmentResponse(file);
};
