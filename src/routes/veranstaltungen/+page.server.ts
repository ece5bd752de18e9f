import { upcomingSprechtage } from '$lib/server/booking/queries';
import { publicEventsPage } from '$lib/server/events/queries';
import { EVENT_TYPES } from '$lib/server/events/rules';
import { landForPostcode, listOffices, listSubmarkets } from '$lib/server/reference/queries';
import { LAND_ISOS } from '$lib/server/reference/schema';
import { services } from '$lib/server/runtime';
import { berlinDate } from '$lib/time/berlin';
import type { PageServerLoad } from './$types';

/** Public, no login: a GET form, so every filter is a bookmarkable URL. Unknown values are ignored. */
export const load: PageServerLoad = async ({ url, locals }) => {
	const { db, clock } = services();
	const [offices, submarkets] = await Promise.all([
		listOffices(db, { activeOnly: true }),
		listSubmarkets(db, locals.locale, { activeOnly: true })
	]);
	const param = (name: string) => url.searchParams.get(name)?.trim().slice(0, 100) ?? '';
	const pick = (value: string, allowed: readonly string[]) => (allowed.includes(value) ? value : '');
	const query = {
		q: param('q'),
		buero: pick(
			param('buero'),
			offices.map((o) => o.key)
		),
		land: pick(param('land'), LAND_ISOS),
		typ: pick(param('typ'), EVENT_TYPES),
		teilmarkt: pick(
			param('teilmarkt'),
			submarkets.map((s) => s.key)
		),
		monat: /^\d{4}-(0[1-9]|1[0-2])$/.test(param('monat')) ? param('monat') : '',
		online: param('online') === '1'
	};
	// A postcode filters by its Land (issue 11); for a postcode in two Länder the chosen Land decides.
	const typedPlz = param('plz').slice(0, 20);
	const postcode = await landForPostcode(db, typedPlz);
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
	const office = offices.find((o) => o.key === query.buero) ?? null;
	const found = await publicEventsPage(
		db,
		{
			q: query.q || null,
			officeId: office?.id ?? null,
			land: query.land || null,
			type: (query.typ || null) as (typeof EVENT_TYPES)[number] | null,
			submarket: query.teilmarkt || null,
			month: query.monat || null,
			onlineOnly: query.online
		},
		clock.now(),
		{ page: Math.max(1, Number(url.searchParams.get('page')) || 1) }
	);
	const names = new Map(submarkets.map((s) => [s.key, s.name]));
	// The booking issue's Sprechtage (consultation days at a venue) belong in this list too, unless
	// the filters ask for something a Sprechtag cannot be (another type, online only, a sub-market).
	// A text search looks in events only.
	const showSprechtage =
		(!query.typ || query.typ === 'sprechtag') && !query.online && !query.teilmarkt && !query.q;
	const sprechtage = showSprechtage
		? await upcomingSprechtage(
				db,
				{ officeId: office?.id ?? null, landIso: query.land || null, month: query.monat || null },
				berlinDate(clock.now())
			)
		: [];
	return {
		query,
		// What was typed, as five digits when it reads as a postcode ("D-1067" → "01067").
		plz: 'plz' in postcode ? postcode.plz : typedPlz,
		postcode: { kind: postcode.kind, landChoices },
		filtered: ['q', 'buero', 'land', 'plz', 'typ', 'teilmarkt', 'monat', 'online'].some((k) =>
			url.searchParams.has(k)
		),
		offices: offices.map((o) => ({ key: o.key, name: o.name })),
		laender: [...LAND_ISOS],
		submarkets: submarkets.map((s) => ({ key: s.key, name: s.name })),
		sprechtage,
		total: found.total,
		page: found.page,
		pageSize: found.pageSize,
		events: found.events.map(({ event: e, counts }) => ({
			id: e.id,
			title: e.title,
			type: e.type,
			format: e.format,
			start: e.start,
			end: e.end,
			status: e.status,
			officeName: e.office?.name ?? null,
			place: [e.venueName, e.venueAddress].filter(Boolean).join(', '),
			submarkets: e.submarkets.map((k) => names.get(k) ?? k),
			capacity: e.capacity,
			remaining: counts.remaining
		}))
	};
};
