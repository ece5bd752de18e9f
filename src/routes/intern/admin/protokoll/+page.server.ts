import { requireNetworkAdmin } from '$lib/server/http/gate';
import { auditFilterFromSearch, auditFilterOptions, listAudit } from '$lib/server/audit/queries';
import { services } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireNetworkAdmin(event);
	const filter = auditFilterFromSearch(event.url.searchParams);
	const { db } = services();
	const [entries, options] = await Promise.all([listAudit(db, filter), auditFilterOptions(db)]);
	// The form shows what was typed, even a value the filter had to ignore.
	const raw = (k: string) => event.url.searchParams.get(k) ?? '';
	return {
		entries,
		options,
		filter: {
			action: filter.action ?? '',
			actor: raw('actor'),
			office: filter.officeId === null ? '' : String(filter.officeId),
			from: raw('from'),
			to: raw('to')
		}
	};
};
