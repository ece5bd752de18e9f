import type { Db, Tx } from '../db/transaction';
import { listLaender, listOffices } from './queries';
import { landConflicts } from './rules';
import type { ReferenceKind } from './schema';

/**
 * The reference forms' rules that need the database (a key already used, a Land unknown or
 * already covered), read-only. The commands run them inside their transaction; a form whose
 * schema failed runs them on the fields that were fine, so every error shows in one round
 * (issue 16). One piece of code for both.
 */

/** A problem with one field, as a catalogue key so the route words it in the user's language. */
export interface FieldProblem {
	field: string;
	message:
		| 'reference.error.landTaken'
		| 'reference.error.officeKeyTaken'
		| 'reference.error.entryKeyTaken'
		| 'reference.error.landUnknown';
	params?: Record<string, string>;
}

/** An office as far as its rules go; a missing field (it failed the schema) skips its rules. */
export interface OfficeCandidate {
	/** `null` for a new office. */
	id: number | null;
	/** Only for a new office: the key never changes. */
	key?: string;
	active?: boolean;
	validFrom?: string | null;
	validTo?: string | null;
	laender?: readonly string[];
}

export async function officeProblems(db: Db | Tx, candidate: OfficeCandidate): Promise<FieldProblem[]> {
	const problems: FieldProblem[] = [];
	if (candidate.id === null && candidate.key !== undefined) {
		const taken = await db
			.selectFrom('office')
			.select('id')
			.where('key', '=', candidate.key)
			.executeTakeFirst();
		if (taken) problems.push({ field: 'key', message: 'reference.error.officeKeyTaken' });
	}
	const { laender, active, validFrom, validTo } = candidate;
	if (laender === undefined) return problems;
	const known = new Set((await listLaender(db)).map((l) => l.iso));
	const unknown = laender.find((l) => !known.has(l));
	if (unknown !== undefined) {
		problems.push({ field: 'laender', message: 'reference.error.landUnknown', params: { land: unknown } });
		return problems;
	}
	if (active === undefined || validFrom === undefined || validTo === undefined) return problems;
	const [first] = landConflicts(
		{ id: candidate.id, name: '', active, validFrom, validTo, laender },
		await listOffices(db)
	);
	if (first)
		problems.push({
			field: 'laender',
			message: 'reference.error.landTaken',
			params: { land: first.land, office: first.officeName }
		});
	return problems;
}

/** A new sub-market, topic or stage needs a key no entry of its kind has. */
export async function entryKeyProblems(
	db: Db | Tx,
	kind: ReferenceKind,
	key: string
): Promise<FieldProblem[]> {
	const taken = await db.selectFrom(kind).select('key').where('key', '=', key).executeTakeFirst();
	return taken ? [{ field: 'key', message: 'reference.error.entryKeyTaken' }] : [];
}
