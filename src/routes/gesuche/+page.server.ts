import { listSubmarkets } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { publicRequests } from '$lib/server/visibility/requests';
import type { PageServerLoad } from './$types';

/** Public requests: what decision makers look for, without their names or contact data. */
export const load: PageServerLoad = async ({ locals }) => {
	const { db } = services();
	const [requests, submarkets] = await Promise.all([publicRequests(db), listSubmarkets(db, locals.locale)]);
	const names = new Map(submarkets.map((s) => [s.key, s.name]));
	return {
		requests: requests.map((r) => ({ ...r, submarketNames: r.submarkets.map((k) => names.get(k) ?? k) }))
	};
};
