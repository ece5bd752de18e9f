import { requireNetworkAdmin } from '$lib/server/http/gate';
import { staffPage } from '$lib/server/identity/staff-queries';
import { services } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

/** Issue 14: the staff list is paged and searchable (GET, so it works without JavaScript). */
export const load: PageServerLoad = async (event) => {
	const { staff } = await requireNetworkAdmin(event);
	const params = event.url.searchParams;
	const q = (params.get('q') ?? '').trim().slice(0, 100) || null;
	const page = Math.min(100_000, Number.parseInt(params.get('page') ?? '1', 10) || 1);
	const users = await staffPage(services().db, { q, page });
	return { users: users.items, paging: users, q: q ?? '', selfId: staff.id };
};
