import type { Db, Tx } from '../db/transaction';

/*
 * The creative's bookings and case files as the export and the consents overview read them:
 * each joined to its office, because both name the office where the data or consent was given.
 * The callers add their own columns (and the export its consultant).
 */

/** Bookings (alias `b`) with their office (alias `o`); the caller says whose. */
export function bookingsWithOffice(db: Db | Tx) {
	return db.selectFrom('booking as b').innerJoin('office as o', 'o.id', 'b.office_id');
}

/** The creative's case files (alias `c`) with their office (alias `o`), oldest first. */
export function casesWithOffice(db: Db | Tx, creativeId: number) {
	return db
		.selectFrom('case_file as c')
		.innerJoin('office as o', 'o.id', 'c.office_id')
		.where('c.creative_id', '=', creativeId)
		.orderBy('c.id');
}
