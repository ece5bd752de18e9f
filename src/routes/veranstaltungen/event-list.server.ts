import type { publicEventsPage } from '$lib/server/events/queries';
import { EVENT_TYPES } from '$lib/server/events/rules';
import type { landForPostcode } from '$lib/server/reference/queries';
import { LAND_ISOS } from '$lib/server/reference/schema';

/**
 * The public events list's URL: what its GET form sends, read back with every unknown value
 * ignored (a filter is a bookmarkable URL, so anything may arrive), and the rows it shows.
 */
export type EventListQuery = ReturnType<typeof readEventListQuery>;
type Postcode = Awaited<ReturnType<typeof landForPostcode>>;

const FILTER_PARAMS = ['q', 'buero', 'land', 'plz', 'typ', 'teilmarkt', 'monat', 'online'];

export function readEventListQuery(
	url: URL,
	officeKeys: readonly string[],
	submarketKeys: readonly string[]
) {
	const param = (name: string) => url.searchParams.get(name)?.trim().slice(0, 100) ?? '';
	const pick = (value: string, allowed: readonly string[]) => (allowed.includes(value) ? value : '');
	return {
		q: param('q'),
		buero: pick(param('buero'), officeKeys),
		land: pick(param('land'), LAND_ISOS),
		typ: pick(param('typ'), EVENT_TYPES) as (typeof EVENT_TYPES)[number] | '',
		teilmarkt: pick(param('teilmarkt'), submarketKeys),
		monat: /^\d{4}-(0[1-9]|1[0-2])$/.test(param('monat')) ? param('monat') : '',
		online: param('online') === '1'
	};
}

/** The list's filters as the events query takes them ('' means "any"). */
export const eventFilter = (query: EventListQuery, officeId: number | null) => ({
	q: query.q || null,
	officeId,
	land: query.land || null,
	type: query.typ || null,
	submarket: query.teilmarkt || null,
	month: query.monat || null,
	onlineOnly: query.online
});

/** Whether any filter was sent at all (the empty-list text differs). */
export const isFiltered = (url: URL) => FILTER_PARAMS.some((k) => url.searchParams.has(k));

/**
 * A postcode filters by its Land (issue 11); for a postcode in two Länder the chosen Land
 * decides, and each Land is offered as a link that keeps the other filters.
 */
export function applyPostcode(query: EventListQuery, postcode: Postcode, url: URL) {
	if (postcode.kind === 'unique') query.land = postcode.land;
	if (postcode.kind === 'ambiguous' && !postcode.laender.includes(query.land)) query.land = '';
	const landChoices =
		postcode.kind === 'ambiguous'
			? postcode.laender.map((land) => {
					const params = new URLSearchParams(url.searchParams);
					params.set('plz', postcode.plz);
					params.set('land', land);
					return { land, search: params.toString() };
				})
			: [];
	return { kind: postcode.kind, landChoices };
}

/**
 * The booking issue's Sprechtage (consultation days at a venue) belong in this list too, unless
 * the filters ask for something a Sprechtag cannot be (another type, online only, a sub-market).
 * A text search looks in events only.
 */
export const showsSprechtage = (query: EventListQuery) =>
	(!query.typ || query.typ === 'sprechtag') && !query.online && !query.teilmarkt && !query.q;

/** One event as the list shows it: its sub-markets by name, its place as one line. */
export function eventRows(
	found: Awaited<ReturnType<typeof publicEventsPage>>,
	submarketNames: ReadonlyMap<string, string>
) {
	return found.events.map(({ event: e, counts }) => ({
		id: e.id,
		title: e.title,
		type: e.type,
		format: e.format,
		start: e.start,
		end: e.end,
		status: e.status,
		officeName: e.office?.name ?? null,
		place: [e.venueName, e.venueAddress].filter(Boolean).join(', '),
		submarkets: e.submarkets.map((k) => submarketNames.get(k) ?? k),
		capacity: e.capacity,
		remaining: counts.remaining
	}));
}
