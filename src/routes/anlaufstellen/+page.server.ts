import { contactPointsPage, publicContactPoint, verifyCutoff } from '$lib/server/directory/queries';
import { LAND_ISOS } from '$lib/server/reference/schema';
import { listSubmarkets, listTopics } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

/** Public, no login: a GET form, so every search is a bookmarkable URL. Unknown values are ignored. */
export const load: PageServerLoad = async ({ url, locals }) => {
	const { db, clock } = services();
	const cutoff = verifyCutoff(clock.now());
	const [topics, submarkets] = await Promise.all([
		listTopics(db, locals.locale, { activeOnly: true }),
		listSubmarkets(db, locals.locale, { activeOnly: true })
	]);
	const param = (name: string) => url.searchParams.get(name)?.trim().slice(0, 200) ?? '';
	const pick = (value: string, allowed: readonly string[]) => (allowed.includes(value) ? value : '');
	const query = {
		q: param('q'),
		land: pick(param('land'), LAND_ISOS),
		topic: pick(
			param('topic'),
			topics.map((t) => t.key)
		),
		submarket: pick(
			param('submarket'),
			submarkets.map((s) => s.key)
		)
	};
	const found = await contactPointsPage(db, query, {
		page: Math.max(1, Number(url.searchParams.get('page')) || 1)
	});
	return {
		query,
		searched: ['q', 'land', 'topic', 'submarket'].some((k) => url.searchParams.has(k)),
		laender: [...LAND_ISOS],
		topics: topics.map((t) => ({ key: t.key, name: t.name })),
		submarkets: submarkets.map((s) => ({ key: s.key, name: s.name })),
		total: found.total,
		page: found.page,
		pageSize: found.pageSize,
		results: found.results.map((c) => ({
			...publicContactPoint(c),
			lastVerifiedAt: c.lastVerifiedAt,
			// Issue 16: older than 12 months (or never) says so instead of a bare date.
			stale: c.lastVerifiedAt === null || c.lastVerifiedAt < cutoff
		}))
	};
};
