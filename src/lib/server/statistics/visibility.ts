import type { Db, Tx } from '../db/transaction';
import { visibilityFigures as countVisibility } from '../visibility/index';

/**
 * Visibility figures (issue 7: profiles, introductions, cooperations — "Kooperationen
 * angestoßen") for the dashboard's "Sichtbarkeit" section, counted by the visibility domain.
 * A Land filter narrows to the offices that serve that Land (profiles and requests belong to
 * the office of their Land).
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

export async function visibilityFigures(db: Db | Tx, filter: VisibilityFilter): Promise<VisibilityFigures> {
	let offices: number[] | 'all' = filter.officeIds === null ? 'all' : [...filter.officeIds];
	if (filter.land !== null) {
		const serving = (
			await db.selectFrom('office_land').select('office_id').where('land_iso', '=', filter.land).execute()
		).map((r) => Number(r.office_id));
		offices = offices === 'all' ? serving : offices.filter((id) => serving.includes(id));
	}
	const f = await countVisibility(db, { officeIds: offices, from: filter.start, to: filter.end });
	return {
		available: true,
		profilesPublished: f.profilesPublished,
		introductions: f.introductionsProposed,
		cooperations: f.cooperations
	};
}
