import { isoBerlin } from '$lib/format/iso-offset';
import { searchContactPoints, termKeys } from '$lib/server/directory/queries';
import { LAND_ISOS } from '$lib/server/reference/schema';
import { services } from '$lib/server/runtime';
import { apiError, apiJson, rateLimited } from '../api.server';
import type { RequestHandler } from './$types';

/**
 * The directory of further contact points (active entries). A Land gives the national entries
 * plus that Land's; an unknown land, topic or submarket value answers 400.
 */
export const GET: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	const { db } = services();
	const params = event.url.searchParams;
	const land = params.get('land') || null;
	const topic = params.get('topic') || null;
	const submarket = params.get('submarket') || null;
	const q = params.get('q') ?? '';
	const known = await termKeys(db);
	if (land && !(LAND_ISOS as readonly string[]).includes(land))
		return apiError(400, 'bad_request', { message: 'unknown land' });
	if (topic && !known.topics.has(topic)) return apiError(400, 'bad_request', { message: 'unknown topic' });
	if (submarket && !known.submarkets.has(submarket))
		return apiError(400, 'bad_request', { message: 'unknown submarket' });
	if (q.length > 200) return apiError(400, 'bad_request', { message: 'q longer than 200 characters' });
	const found = await searchContactPoints(db, { land, topic, submarket, q });
	return apiJson(
		{
			contactPoints: found.map((c) => ({
				id: c.id,
				key: c.key,
				name: c.name,
				description: c.description,
				kind: c.kind,
				cost: c.cost,
				scope: c.scope,
				land: c.scope === 'land' ? (c.laender[0] ?? null) : null,
				laender: c.laender,
				website: c.website,
				email: c.email,
				phone: c.phone,
				topics: c.topics,
				submarkets: c.submarkets,
				advocacy: c.advocacy,
				lastVerified: c.lastVerifiedAt === null ? null : isoBerlin(c.lastVerifiedAt)
			}))
		},
		200,
		{ 'cache-control': 'public, max-age=300' }
	);
};
