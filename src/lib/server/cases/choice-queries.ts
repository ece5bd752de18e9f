import type { Locale } from '../../i18n/locale';
import type { Db, Tx } from '../db/transaction';
import { listLaender, listStages, listSubmarkets, listTopics } from '../reference/index';
import type { CaseReference } from './case-schemas';

/**
 * What the case forms offer to choose from (topics, sub-markets, stages, Länder) and, as keys,
 * what their schemas accept: one read for the page and its action, so a form never accepts a
 * choice it did not offer. A new case offers only active entries; the facts and record forms
 * keep accepting entries switched off later, as a case may still carry them.
 */
export async function caseChoices(db: Db | Tx, locale: Locale, options: { activeOnly?: boolean } = {}) {
	const [topics, submarkets, stages, laender] = await Promise.all([
		listTopics(db, locale, options),
		listSubmarkets(db, locale, options),
		listStages(db, locale, options),
		listLaender(db)
	]);
	return { topics, submarkets, stages, laender };
}

/** The keys of `caseChoices`, as factsSchema, recordSchema and openCaseSchema take them. */
export async function caseChoiceKeys(
	db: Db | Tx,
	locale: Locale,
	options: { activeOnly?: boolean } = {}
): Promise<CaseReference> {
	const { topics, submarkets, stages, laender } = await caseChoices(db, locale, options);
	return {
		topics: topics.map((x) => x.key),
		submarkets: submarkets.map((x) => x.key),
		stages: stages.map((x) => x.key),
		laender: laender.map((x) => x.iso)
	};
}
