import { requireNetworkAdmin } from '$lib/server/http/gate';
import { listEntries, listOffices, postcodeCounts } from '$lib/server/reference/queries';
import { REFERENCE_KINDS } from '$lib/server/reference/schema';
import { services } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';
import { LIST_SLUGS } from './support.server';

export const load: PageServerLoad = async (event) => {
	await requireNetworkAdmin(event);
	const { db } = services();
	const offices = await listOffices(db);
	const lists = await Promise.all(
		REFERENCE_KINDS.map(async (kind) => {
			const entries = await listEntries(db, kind, event.locals.locale);
			return {
				kind,
				slug: LIST_SLUGS[kind],
				count: entries.length,
				active: entries.filter((e) => e.active).length
			};
		})
	);
	const postcodes = (await postcodeCounts(db)).reduce((sum, c) => sum + c.rows, 0);
	return {
		offices: { count: offices.length, active: offices.filter((o) => o.active).length },
		lists,
		postcodes
	};
};
