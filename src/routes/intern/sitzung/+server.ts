import { json } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/http/gate';
import { extendStaffSession } from '$lib/server/identity/session-extend';
import { services } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** Issue 16: the idle warning's "Angemeldet bleiben" (POST only; a GET changes nothing). */
export const POST: RequestHandler = async (event) => {
	const { staff } = requireStaff(event);
	const idleMs = await extendStaffSession(services(), staff, { requestId: event.locals.requestId });
	event.setHeaders({ 'cache-control': 'no-store' });
	return idleMs === null ? json({ ok: false }, { status: 401 }) : json({ ok: true, idleMs });
};
