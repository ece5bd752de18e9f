import type { Db } from '../db/transaction';
import {
	HSDS_VERSION,
	type HsdsService,
	type HsdsServiceListItem,
	type HsdsServicesQuery
} from './hsds-schema';
import { byKey, hsdsNames, serviceUuid, toHsdsListItem, toHsdsService } from './hsds-shape';
import { type ContactPoint, listContactPoints, matchesFilter } from './queries';

/**
 * The public HSDS 3.0 API (GET /api/v1/hsds/…): active entries only, as on the public directory,
 * sorted by key, and never `assurer_email` (a staff member's address; the full export with it
 * stays on staff pages). The directory is small, so it is read whole and filtered here.
 */
export function hsdsMeta(origin: string) {
	return {
		version: HSDS_VERSION,
		profile: 'https://docs.openreferral.org/en/v3.0/',
		openapi_url: `${origin}/api/v1/openapi.json`
	};
}

export interface HsdsPage<T> {
	total_items: number;
	total_pages: number;
	page_number: number;
	size: number;
	first_page: boolean;
	last_page: boolean;
	empty: boolean;
	contents: T[];
}

/** One page of `items`; `page` counts from 1; a page past the end is empty with the right totals. */
export function paginate<T>(items: T[], page: number, perPage: number): HsdsPage<T> {
	const totalPages = Math.max(1, Math.ceil(items.length / perPage));
	const contents = items.slice((page - 1) * perPage, page * perPage);
	return {
		total_items: items.length,
		total_pages: totalPages,
		page_number: page,
		size: contents.length,
		first_page: page === 1,
		last_page: page >= totalPages,
		empty: contents.length === 0,
		contents
	};
}

/** Whether an entry carries a term (or any term of a taxonomy) given by its HSDS id. */
function hasTerm(service: HsdsService, q: HsdsServicesQuery): boolean {
	const terms = service.attributes.map((a) => a.taxonomy_term);
	if (q.taxonomy_term_id && !terms.some((t) => t.id === q.taxonomy_term_id)) return false;
	if (q.taxonomy_id && !terms.some((t) => t.taxonomy_id === q.taxonomy_id)) return false;
	return true;
}

/**
 * `/services`: `search` matches name and descriptions like the public directory search (every
 * word, ignoring case); `taxonomy_term_id`, `taxonomy_id`, `organization_id` select by HSDS id;
 * `modified_after` keeps entries changed at or after that instant. `full` gives nested services.
 */
export async function hsdsServicesPage(
	db: Db,
	q: HsdsServicesQuery
): Promise<HsdsPage<HsdsServiceListItem | HsdsService>> {
	const n = await hsdsNames(db);
	const after = q.modified_after ? Date.parse(q.modified_after) : null;
	const found = (await listContactPoints(db, { activeOnly: true }))
		.filter((c) => matchesFilter(c, { q: q.search }))
		.filter((c) => after === null || c.updatedAt >= after)
		.sort(byKey)
		.map((c) => ({ c, full: toHsdsService(c, n, { withAssurer: false }) }))
		.filter(({ full }) => hasTerm(full, q))
		.filter(({ full }) => !q.organization_id || full.organization_id === q.organization_id);
	const page = paginate(found, q.page, q.per_page);
	return {
		...page,
		contents: page.contents.map(({ c, full }) => (q.full ? full : toHsdsListItem(c, { withAssurer: false })))
	};
}

/** `/services/{id}`: the fully nested active service, or null (404). */
export async function hsdsServiceById(db: Db, id: string): Promise<HsdsService | null> {
	const found: ContactPoint | undefined = (await listContactPoints(db, { activeOnly: true })).find(
		(c) => serviceUuid(c.key) === id.toLowerCase()
	);
	return found ? toHsdsService(found, await hsdsNames(db), { withAssurer: false }) : null;
}
