import type { Db, Tx } from '../db/transaction';
import { termKeys } from './queries';

/**
 * The contact-point form's rules that need the database (a key already used, a topic or
 * sub-market that does not exist), read-only. The commands run them inside their transaction;
 * a form whose schema failed runs them on the fields that were fine, so every error shows in
 * one round (issue 16). One piece of code for both.
 */
export interface FieldProblem {
	field: string;
	message: 'directory.error.keyTaken' | 'directory.error.termUnknown';
	params?: Record<string, string>;
}

/** A missing field (it failed the schema) skips its rule; `key` only for a new entry. */
export interface ContactPointCandidate {
	key?: string;
	topics?: readonly string[];
	submarkets?: readonly string[];
}

export async function contactPointProblems(
	db: Db | Tx,
	candidate: ContactPointCandidate
): Promise<FieldProblem[]> {
	const problems: FieldProblem[] = [];
	if (candidate.key !== undefined) {
		const taken = await db
			.selectFrom('cp_organization')
			.select('id')
			.where('key', '=', candidate.key)
			.executeTakeFirst();
		if (taken) problems.push({ field: 'key', message: 'directory.error.keyTaken' });
	}
	if (candidate.topics === undefined && candidate.submarkets === undefined) return problems;
	const known = await termKeys(db);
	const badTopic = candidate.topics?.find((k) => !known.topics.has(k));
	if (badTopic !== undefined)
		problems.push({ field: 'topics', message: 'directory.error.termUnknown', params: { key: badTopic } });
	const badSub = candidate.submarkets?.find((k) => !known.submarkets.has(k));
	if (badSub !== undefined)
		problems.push({ field: 'submarkets', message: 'directory.error.termUnknown', params: { key: badSub } });
	return problems;
}
