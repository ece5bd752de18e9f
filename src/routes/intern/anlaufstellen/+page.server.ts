import { listContactPoints, listUnverified, verifyCutoff } from '$lib/server/directory/queries';
import { services } from '$lib/server/runtime';
import { directoryAccess } from './support.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { canEdit } = directoryAccess(event);
	const { db, clock } = services();
	const stale = event.url.searchParams.get('ungeprueft') === '1';
	const cutoff = verifyCutoff(clock.now());
	const entries = stale ? await listUnverified(db, clock.now()) : await listContactPoints(db);
	return {
		canEdit,
		stale,
		entries: entries.map((c) => ({
			id: c.id,
			name: c.name,
			kind: c.kind,
			scope: c.scope,
			laender: c.laender,
			active: c.active,
			lastVerifiedAt: c.lastVerifiedAt,
			// Issue 16: flagged for review when older than 12 months (or never verified).
			stale: c.lastVerifiedAt === null || c.lastVerifiedAt < cutoff
		}))
	};
};
