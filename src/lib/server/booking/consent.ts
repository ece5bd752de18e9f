import { newestConsentTexts, seedConsentTexts } from '../db/consent-text-tables';
import type { Db, Tx } from '../db/transaction';

/**
 * Versioned consent texts (DOMAIN.md §11): a booking stores the version of each text it was
 * given with, so what a person agreed to can always be shown again. A new wording is a new
 * version row, never an edit of an old one.
 */
export type ConsentKind = 'processing' | 'notes' | 'news';

export interface ConsentText {
	kind: ConsentKind;
	version: number;
	de: string;
	en: string;
}

/** Version 1 of each text, seeded when the table has none for a kind. */
export const INITIAL_CONSENT_TEXTS: Record<ConsentKind, { de: string; en: string }> = {
	processing: {
		de: 'Ich willige ein, dass das Regionalbüro meine Angaben verarbeitet, um die Beratung zu vereinbaren und durchzuführen. Ich kann die Einwilligung jederzeit widerrufen; Einzelheiten stehen in der Datenschutzerklärung.',
		en: 'I consent to the regional office processing my details to arrange and hold the consultation. I can withdraw this consent at any time; details are in the privacy notice.'
	},
	notes: {
		de: 'Ich bin einverstanden, dass meine Beraterin oder mein Berater Notizen zum Inhalt der Beratung festhält, damit die Begleitung über mehrere Gespräche gelingt. Freiwillig und jederzeit widerrufbar.',
		en: 'I agree that my consultant may keep notes on the content of the consultation, so that the support can continue over several conversations. Voluntary and revocable at any time.'
	},
	news: {
		de: 'Ich möchte per E-Mail über Veranstaltungen des Regionalbüros informiert werden. Freiwillig und jederzeit abbestellbar.',
		en: 'I would like to be informed about the regional office’s events by e-mail. Voluntary; unsubscribe at any time.'
	}
};

export type ConsentTexts = Record<ConsentKind, ConsentText>;

/** The newest version of each text; kinds without a row fall back to version 1 as above. */
export const currentConsentTexts = (db: Db | Tx): Promise<ConsentTexts> =>
	newestConsentTexts(db, 'consent_text', INITIAL_CONSENT_TEXTS);

/** Version numbers only, for storing with a booking. */
export async function currentConsentVersions(db: Db | Tx): Promise<Record<ConsentKind, number>> {
	const texts = await currentConsentTexts(db);
	return { processing: texts.processing.version, notes: texts.notes.version, news: texts.news.version };
}

/** Seeds version 1 of every kind that has no text yet (idempotent, safe in parallel). */
export const ensureConsentTexts = (db: Db | Tx, now: Date): Promise<void> =>
	seedConsentTexts(db, 'consent_text', INITIAL_CONSENT_TEXTS, now);
