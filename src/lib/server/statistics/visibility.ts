import type { Db, Tx } from '../db/transaction';

/**
 * Visibility figures (issue 7: profiles, introductions, cooperations) for the dashboard's
 * "Sichtbarkeit" section. Issue 7 is built in parallel; until its tables are wired in here,
 * this answers `available: false` and zeros, and the dashboard shows an empty state. The lead
 * replaces the body; the signature stays.
 */
export interface VisibilityFigures {
	available: boolean;
	profilesPublished: number;
	introductions: number;
	cooperations: number;
}

export interface VisibilityFilter {
	/** null: all offices. */
	officeIds: readonly number[] | null;
	land: string | null;
	/** Instants [start, end). */
	start: number;
	end: number;
}

export async function visibilityFigures(_db: Db | Tx, _filter: VisibilityFilter): Promise<VisibilityFigures> {
	return { available: false, profilesPublished: 0, introductions: 0, cooperations: 0 };
}
