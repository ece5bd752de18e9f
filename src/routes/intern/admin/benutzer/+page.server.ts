import { requireNetworkAdmin } from '$lib/server/http/gate';
import { listStaff } from '$lib/server/identity/staff-queries';
import { services } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { staff } = await requireNetworkAdmin(event);
	return { users: await listStaff(services().db), selfId: staff.id };
};
