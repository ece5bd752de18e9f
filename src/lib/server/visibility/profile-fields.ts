import { storedStrings } from './actors';
import type { ProfileFields } from './schema';

/**
 * The columns every view of a profile shows (the review queue, the public directory, the
 * creative's own page), read and mapped in one place so the three views cannot drift apart.
 * The select list assumes the profile table is aliased `p`.
 */
export const profileFieldColumns = [
	'p.id',
	'p.kind',
	'p.display_name',
	'p.submarkets',
	'p.land_iso',
	'p.town',
	'p.bio',
	'p.services',
	'p.links'
] as const;

interface ProfileFieldRow {
	id: number | bigint | string;
	kind: ProfileFields['kind'];
	display_name: string;
	submarkets: string;
	land_iso: string;
	town: string;
	bio: string;
	services: string;
	links: string;
}

/** Lists are stored as JSON text; the id may come back as a bigint or string from PostgreSQL. */
export function profileFieldsOf(r: ProfileFieldRow): ProfileFields & { id: number } {
	return {
		id: Number(r.id),
		kind: r.kind,
		displayName: r.display_name,
		submarkets: storedStrings(r.submarkets),
		landIso: r.land_iso,
		town: r.town,
		bio: r.bio,
		services: storedStrings(r.services),
		links: storedStrings(r.links)
	};
}
