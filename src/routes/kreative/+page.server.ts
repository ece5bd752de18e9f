import { type MessageKey, translate } from '$lib/i18n/messages';
import { listLaender, listSubmarkets } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { searchProfiles } from '$lib/server/visibility/public';
import type { PageServerLoad } from './$types';

/** The public directory: search and filters by sub-market, Land, service and text (GET, bookmarkable). */
export const load: PageServerLoad = async ({ url, locals }) => {
	const { db, clock } = services();
	const q = url.searchParams;
	const text = (name: string, max: number) => (q.get(name) ?? '').trim().slice(0, max) || null;
	const filters = {
		q: text('q', 100),
		submarket: text('teilmarkt', 40),
		land: text('land', 5),
		service: text('leistung', 100),
		openOnly: q.get('offen') === '1'
	};
	const page = Math.max(1, Number(q.get('page')) || 1);
	const [result, submarkets, laender] = await Promise.all([
		searchProfiles(db, filters, clock.now(), page),
		listSubmarkets(db, locals.locale, { activeOnly: true }),
		listLaender(db)
	]);
	const names = new Map(submarkets.map((s) => [s.key, s.name]));
	return {
		filters,
		...result,
		profiles: result.profiles.map((p) => ({
			...p,
			submarketNames: p.submarkets.map((k) => names.get(k) ?? k)
		})),
		submarkets: submarkets.map((s) => ({ key: s.key, name: s.name })),
		laender: laender.map((l) => ({
			iso: l.iso,
			name: translate(locals.locale, `reference.land.${l.iso}` as MessageKey)
		}))
	};
};
