import type { Tx } from '../db/transaction';
import { foldGerman } from '../platform/fold-german';

/**
 * Issue 13, part 5: the words every new office starts with in its list of special categories
 * (Art. 9 GDPR: health, religion, union membership, political ties, sex life; Art. 10:
 * convictions). A `*` at the end also matches longer words ("Depressi*": "depressiv",
 * "Depressionen"). Office leads add and remove words (privacy/sensitive-keywords.ts). Words that
 * belong to ordinary artists' advice ("Krankenversicherung", "KSK") are left out on purpose.
 */
export const DEFAULT_SENSITIVE_KEYWORDS: readonly string[] = [
	'Krankheit',
	'Erkrankung',
	'erkrankt',
	'Diagnose',
	'Depressi*',
	'Burnout',
	'Burn-out',
	'psychisch*',
	'Psychiatrie',
	'Psychotherap*',
	'Therapie',
	'Angststörung',
	'Panikattacke*',
	'Trauma*',
	'Suchterkrankung',
	'suchtkrank*',
	'Alkoholi*',
	'Krebs',
	'Tumor',
	'Chemotherapie',
	'HIV',
	'Behinderung',
	'Schwerbehinder*',
	'schwanger',
	'Schwangerschaft',
	'Fehlgeburt',
	'Reha',
	'Krankschreibung',
	'arbeitsunfähig*',
	'Medikament*',
	'Diabetes',
	'ADHS',
	'Autismus',
	'Long Covid',
	'Religion',
	'Konfession',
	'Kirchenaustritt',
	'Gewerkschaft*',
	'Parteimitglied*',
	'sexuelle Orientierung',
	'Vorstrafe*'
];

/** In the transaction that creates the office (reference seed, admin's "new office"). */
export async function addDefaultSensitiveKeywords(trx: Tx, officeId: number, now: number): Promise<void> {
	await trx
		.insertInto('sensitive_keyword')
		.values(
			DEFAULT_SENSITIVE_KEYWORDS.map((word) => ({
				office_id: officeId,
				word,
				folded: foldGerman(word).trim(),
				created_at: now
			}))
		)
		.execute();
}
