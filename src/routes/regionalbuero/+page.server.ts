import { findOffice } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

/** Public, no login: a GET form, so every answer is a bookmarkable URL (?plz=…&land=…). */
export const load: PageServerLoad = async ({ url }) => {
	const { db, clock, config } = services();
	const plz = url.searchParams.get('plz')?.slice(0, 20) ?? null;
	const land = url.searchParams.get('land')?.slice(0, 10) ?? null;
	const submitted = url.searchParams.has('plz') || url.searchParams.has('land');
	const found = await findOffice(
		db,
		{ submitted, plz, land, choosing: url.searchParams.has('wahl') },
		clock.now()
	);
	return {
		decision: found.decision,
		laender: found.laender.map((l) => l.iso),
		matches: found.matches,
		osm: found.osm,
		// Only what a creative needs to get in touch; nothing internal.
		offices: found.offices.map((o) => ({
			key: o.key,
			name: o.name,
			seat: o.seat,
			phone: o.phone,
			email: o.email,
			street: o.street,
			postcode: o.postcode,
			city: o.city,
			openingHours: o.openingHours
		})),
		// A postcode that reads as one is shown as five digits ("D-1067" → "01067"); anything else as typed.
		query: { plz: found.plz ?? plz ?? '', land: land ?? '' },
		networkContact: config.networkContact
	};
};
