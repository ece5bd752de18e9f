import { requireStaff } from '$lib/server/http/gate';
import { outboxCounts } from '$lib/server/notifications/counts';
import { services } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { staff, scope } = requireStaff(event);
	return {
		isNetworkAdmin: staff.isNetworkAdmin,
		memberships: staff.memberships.map((m) => ({ key: m.officeKey, name: m.officeName, role: m.role })),
		mail: await outboxCounts(services().db, scope)
	};
};
