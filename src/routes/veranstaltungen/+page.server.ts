import { upcomingSprechtage } from '$lib/server/booking/queries';
import { publicEventsPage } from '$lib/server/events/queries';
import { landForPostcode, listOffices, listSubmarkets } from '$lib/server/reference/queries';
import { LAND_ISOS } from '$lib/server/reference/schema';
import { services } from '$lib/server/runtime';
import { berlinDate } from '$lib/time/berlin';
import type { PageServerLoad } from './$types';
import {
	applyPostcode,
	eventFilter,
	eventRows,
	isFiltered,
	readEventListQuery,
	showsSprechtage
} from './event-list.server';

/** Public, no login: a GET form, so every filter is a bookmarkable URL. Unknown values are ignored. */
export const load: PageServerLoad = async ({ url, locals }) => {
	const { db, clock } = services();
	const [offices, submarkets] = await Promise.all([
		listOffices(db, { activeOnly: true }),
		listSubmarkets(db, locals.locale, { activeOnly: true })
	]);
	const query = readEventListQuery(
		url,
		offices.map((o) => o.key),
		submarkets.map((s) => s.key)
	);
	const typedPlz = url.searchParams.get('plz')?.trim().slice(0, 20) ?? '';
	const postcode = await landForPostcode(db, typedPlz);
	const postcodeView = applyPostcode(query, postcode, url);
	const officeId = offices.find((o) => o.key === query.buero)?.id ?? null;
	const page = { page: Math.max(1, Number(url.searchParams.get('page')) || 1) };
	const found = await publicEventsPage(db, eventFilter(query, officeId), clock.now(), page);
	const sprechtage = showsSprechtage(query)
		? await upcomingSprechtage(
				db,
				{ officeId, landIso: query.land || null, month: query.monat || null },
				berlinDate(clock.now())
			)
		: [];
	return {
		query,
		// What was typed, as five digits when it reads as a postcode ("D-1067" → "01067").
		plz: 'plz' in postcode ? postcode.plz : typedPlz,
		postcode: postcodeView,
		filtered: isFiltered(url),
		offices: offices.map((o) => ({ key: o.key, name: o.name })),
		laender: [...LAND_ISOS],
		submarkets: submarkets.map((s) => ({ key: s.key, name: s.name })),
		sprechtage,
		total: found.total,
		page: found.page,
		pageSize: found.pageSize,
		events: eventRows(found, new Map(submarkets.map((s) => [s.key, s.name])))
	};
};
