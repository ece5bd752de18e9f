import { requireNetworkAdmin } from '$lib/server/http/gate';
import { readPostcode } from '$lib/server/reference/postcode-rules';
import { countAmbiguousPostcodes, lookupPostcode, postcodeCounts } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireNetworkAdmin(event);
	const { db } = services();
	const raw = event.url.searchParams.get('plz')?.slice(0, 20) ?? null;
	const postcode = readPostcode(raw);
	return {
		counts: await postcodeCounts(db),
		ambiguous: await countAmbiguousPostcodes(db),
		query: raw ?? '',
		lookup:
			postcode.kind === 'ok' ? { plz: postcode.plz, matches: await lookupPostcode(db, postcode.plz) } : null,
		malformed: raw !== null && postcode.kind !== 'ok'
	};
};
