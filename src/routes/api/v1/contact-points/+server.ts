import { publicJson } from '$lib/server/http/conditional-response';
import type { z } from 'zod';
import { isoBerlin } from '$lib/format/iso-offset';
import { type contactPointListSchema, contactPointsQuerySchema } from '$lib/server/directory/openapi';
import { searchContactPoints, termKeys } from '$lib/server/directory/queries';
import { LAND_ISOS } from '$lib/server/reference/schema';
import { services } from '$lib/server/runtime';
import { apiError, rateLimited } from '../api.server';
import type { RequestHandler } from './$types';

/**
 * The directory of further contact points (active entries). A Land gives the national entries
 * plus that Land's; an unknown land, topic or submarket value answers 400.
 */
export const GET: RequestHandler = async (event) => {
	const limited = await rateLimited(event);
	if (limited) return limited;
	const { db } = services();
	// An empty parameter means "no filter", as the directory page's form sends it.
	const params = Object.fromEntries([...event.url.searchParams].filter(([, v]) => v !== ''));
	const parsed = contactPointsQuerySchema.safeParse(params);
	if (!parsed.success)
		return apiError(400, 'bad_request', {
			message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
		});
	const land = parsed.data.land ?? null;
	const topic = parsed.data.topic ?? null;
	const submarket = parsed.data.submarket ?? null;
	const q = parsed.data.q ?? '';
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
	};
	return publicJson(event.request, body, 300);
};
