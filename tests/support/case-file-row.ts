import type { Insertable } from 'kysely';
import type { CaseFileTable } from '../../src/lib/server/db/schema';

type CaseFileRow = Insertable<CaseFileTable>;

/**
 * The case_file row of a case opened at `t` and untouched since: open, in NRW, no notes consent,
 * no contact yet, not closed, no feedback. A fixture names its office, creative and consultant
 * and whatever else its case differs in.
 */
export function openedCaseRow(
	t: number,
	row: Pick<CaseFileRow, 'office_id' | 'creative_id' | 'consultant_id'> & Partial<CaseFileRow>
): CaseFileRow {
	return {
		name: 'Kim Kreativ',
		status: 'open',
		land_iso: 'DE-NW',
		submarket: null,
		stage: null,
		notes_consent_version: null,
		notes_consent_at: null,
		opened_at: t,
		last_contact_at: null,
		next_contact_due_at: null,
		closed_at: null,
		close_reason: null,
		close_outcome: null,
		feedback_token_hash: null,
		feedback_token_expires_at: null,
		feedback_rating: null,
		feedback_comment: null,
		feedback_at: null,
		created_at: t,
		updated_at: t,
		...row
	};
}
