/**
 * Pure decisions about offices. No I/O, no clock: callers pass `today` (a Berlin date).
 *
 * Rule (DOMAIN.md §3, our choice): a Land has at most ONE active responsible office at any
 * time. Two active offices may list the same Land only if their validity periods do not
 * overlap, so a handover can be planned ahead (old office valid_to 2026-12-31, new office
 * valid_from 2027-01-01). Inactive offices never conflict.
 */
export interface OfficeCoverage {
	id: number | null;
	name: string;
	active: boolean;
	validFrom: string | null;
	validTo: string | null;
	laender: readonly string[];
}

export interface LandConflict {
	land: string;
	officeId: number;
	officeName: string;
}

/** Closed date ranges, `null` meaning open-ended; ISO dates compare as strings. */
export function periodsOverlap(
	a: { validFrom: string | null; validTo: string | null },
	b: { validFrom: string | null; validTo: string | null }
): boolean {
	const aStartsBeforeBEnds = a.validFrom === null || b.validTo === null || a.validFrom <= b.validTo;
	const bStartsBeforeAEnds = b.validFrom === null || a.validTo === null || b.validFrom <= a.validTo;
	return aStartsBeforeBEnds && bStartsBeforeAEnds;
}

/** The Länder of `candidate` that another active office already covers in an overlapping period. */
export function landConflicts(candidate: OfficeCoverage, others: readonly OfficeCoverage[]): LandConflict[] {
	if (!candidate.active) return [];
	const conflicts: LandConflict[] = [];
	for (const land of candidate.laender) {
		for (const other of others) {
			if (other.id === null || other.id === candidate.id || !other.active) continue;
			if (!other.laender.includes(land) || !periodsOverlap(candidate, other)) continue;
			conflicts.push({ land, officeId: other.id, officeName: other.name });
		}
	}
	return conflicts;
}

/** Whether an office is in service on `today` (YYYY-MM-DD). */
export function officeInService(
	office: { active: boolean; validFrom: string | null; validTo: string | null },
	today: string
): boolean {
	if (!office.active) return false;
	if (office.validFrom !== null && office.validFrom > today) return false;
	if (office.validTo !== null && office.validTo < today) return false;
	return true;
}
