import type { Db } from '../db/transaction';

/**
 * A fast path for many published profiles at once, for tests and the search/paging bench only
 * (never the product: it skips consent, moderation and audit). Each row looks like a profile as
 * moderation leaves it after approval: status 'published', first approved at `approvedAt`. The
 * search index fills itself through the profile table's triggers, as for any write.
 */
export interface BulkProfile {
	name: string;
	town?: string;
	bio?: string;
	services?: string[];
	submarkets?: string[];
	land?: string;
}

export async function insertPublishedProfiles(
	db: Db,
	profiles: readonly BulkProfile[],
	approvedAt: number,
	emailPrefix = 'bulk'
): Promise<number[]> {
	const ids: number[] = [];
	for (let start = 0; start < profiles.length; start += 200) {
		const chunk = profiles.slice(start, start + 200);
		const creatives = await db
			.insertInto('creative')
			.values(
				chunk.map((_, i) => ({
					email: `${emailPrefix}-${approvedAt}-${start + i}@example.org`,
					email_verified_at: approvedAt,
					created_at: approvedAt,
					updated_at: approvedAt
				}))
			)
			.returning('id')
			.execute();
		const rows = await db
			.insertInto('profile')
			.values(
				chunk.map((p, i) => ({
					creative_id: Number(creatives[i]!.id),
					office_id: null,
					kind: 'person' as const,
					display_name: p.name,
					submarkets: JSON.stringify(p.submarkets ?? []),
					land_iso: p.land ?? 'DE-BE',
					town: p.town ?? 'Berlin',
					bio: p.bio ?? '',
					services: JSON.stringify(p.services ?? []),
					contact_preference: 'form' as const,
					status: 'published' as const,
					approved_at: approvedAt,
					first_approved_at: approvedAt,
					created_at: approvedAt,
					updated_at: approvedAt
				}))
			)
			.returning('id')
			.execute();
		ids.push(...rows.map((r) => Number(r.id)));
	}
	return ids;
}
