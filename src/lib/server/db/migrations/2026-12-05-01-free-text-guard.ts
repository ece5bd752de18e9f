import type { Kysely } from 'kysely';
import { idColumn, idType, instantType } from './dialect';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// Issue 13, part 5: the words an office counts as special categories of personal data (Art. 9
// GDPR: health, religion, beliefs, union membership, sex life; Art. 10: convictions). Free texts
// that contain one warn before they are stored. `folded` is the word in lower case with umlauts
// spelled out (the spelling the detector compares in), unique per office. Every existing office
// starts with the default list below; offices created later get the app's list
// (reference/sensitive-keyword-defaults.ts), which began as a copy of this one.

const DEFAULT_WORDS = [
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

function fold(word: string): string {
	return word
		.normalize('NFC')
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.replace(/\s+/g, ' ')
		.trim();
}

export async function up(db: Kysely<any>): Promise<void> {
	const instant = instantType(db);
	await db.schema
		.createTable('sensitive_keyword')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('office_id', 'integer', (c) => c.notNull().references('office.id').onDelete('cascade'))
		.addColumn('word', 'text', (c) => c.notNull())
		.addColumn('folded', 'text', (c) => c.notNull())
		.addColumn('created_at', instant, (c) => c.notNull())
		.addUniqueConstraint('sensitive_keyword_office_word_uq', ['office_id', 'folded'])
		.execute();
	const offices = await db.selectFrom('office').select('id').execute();
	const now = Date.now();
	for (const o of offices) {
		await db
			.insertInto('sensitive_keyword')
			.values(DEFAULT_WORDS.map((word) => ({ office_id: o.id, word, folded: fold(word), created_at: now })))
			.execute();
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('sensitive_keyword').execute();
}
