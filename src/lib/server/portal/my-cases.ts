import type { Db, Tx } from '../db/transaction';

/**
 * The one way the portal reaches a creative's own cases: keyed by the signed-in creative's id,
 * with the names the portal shows beside every case (office and consultant). The plan, the
 * follow-up booking, the messages and the progress view extend it with their own columns, so
 * none of them can forget the `creative_id` condition.
 */
export function myCasesQuery(db: Db | Tx, creativeId: number) {
	return db
		.selectFrom('case_file as c')
		.innerJoin('office as o', 'o.id', 'c.office_id')
		.innerJoin('staff_user as u', 'u.id', 'c.consultant_id')
		.select(['c.id', 'o.name as office_name', 'u.name as consultant_name'])
		.where('c.creative_id', '=', creativeId);
}

/** One of the creative's own cases; a case of someone else reads as no row. */
export function myCaseQuery(db: Db | Tx, creativeId: number, caseId: number) {
	return myCasesQuery(db, creativeId).where('c.id', '=', caseId);
}
