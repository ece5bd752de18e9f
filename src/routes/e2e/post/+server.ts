import { json } from '@sveltejs/kit';
import { requireE2e } from '$lib/server/http/e2e-only';
import { storedMailsTo } from '$lib/server/notifications/queries';
import { services } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

// End-to-end suite only (KL_E2E=1): the newest mails to ?to=, as stored (links unmasked), so a
// journey can follow the link its recipient got. Every viewer masks them; 404 everywhere else.
export const GET: RequestHandler = async ({ url }) => {
	requireE2e();
	return json({ mails: await storedMailsTo(services().db, url.searchParams.get('to') ?? '') });
};
