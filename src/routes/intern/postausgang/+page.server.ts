import { requireMailViewer } from '$lib/server/http/gate';
import { listOutbox, outboxFilterFromSearch } from '$lib/server/notifications/queries';
import { services } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { staff, viewer } = requireMailViewer(event);
	const filter = outboxFilterFromSearch(event.url.searchParams);
	const { db, config } = services();
	return {
		mails: await listOutbox(db, viewer, filter),
		filter: { status: filter.status ?? '', to: filter.to ?? '' },
		allOffices: staff.isNetworkAdmin,
		smtpConfigured: config.smtpUrl !== null
	};
};
