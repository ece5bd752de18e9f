import { publicJson } from '$lib/server/http/conditional-response';
import type { z } from 'zod';
import { isoBerlin } from '$lib/format/iso-offset';
import { type contactPointListSchema, contactPointsQuerySchema } from '$lib/server/directory/openapi';
import { publicContactPoint, searchContactPoints, termKeys } from '$lib/server/directory/queries';
import { LAND_ISOS } from '$lib/server/reference/schema';
import { services } from '$lib/server/runtime';
import { apiError, limitedQuery } from '../api.server';
import type { RequestHandler } from './$types';

/**
 * The directory of further contact points (active entries). A Land gives the national entries
 * plus that Land's; an unknown land, topic or submarket value answers 400.
 */
export const GET: RequestHandler = async (event) => {
	const { db } = services();
	// An empty parameter means "no filter", as the directory page's form sends it.
	const params = Object.fromEntries([...event.url.searchParams].filter(([, v]) => v !== ''));
	const query = await limitedQuery(event, contactPointsQuerySchema, params);
	if (query instanceof Response) return query;
	const land = query.land ?? null;
	const topic = query.topic ?? null;
	const submarket = query.submarket ?? null;
	const q = query.q ?? '';
	const known = await termKeys(db);
	if (land && !(LAND_ISOS as readonly string[]).includes(land))
		return apiError(400, 'bad_request', { message: 'unknown land' });
	if (topic && !known.topics.has(topic)) return apiError(400, 'bad_request', { message: 'unknown topic' });
	if (submarket && !known.submarkets.has(submarket))
		return apiError(400, 'bad_request', { message: 'unknown submarket' });
	if (q.length > 200) return apiError(400, 'bad_request', { message: 'q longer than 200 characters' });
	const found = await searchContactPoints(db, { land, topic, submarket, q });
	const body: z.output<typeof contactPointListSchema> = {
		contactPoints: found.map((c) => ({
			...publicContactPoint(c),
			land: c.scope === 'land' ? (c.laender[0] ?? null) : null,
			topics: c.topics,
			submarkets: c.submarkets,
			lastVerified: c.lastVerifiedAt === null ? null : isoBerlin(c.lastVerifiedAt)
		}))
	};
	return publicJson(event.request, body, 300);
};
