import { requireNetworkAdmin } from '$lib/server/http/gate';
import { listOffices } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireNetworkAdmin(event);
	return { offices: await listOffices(services().db) };
};
