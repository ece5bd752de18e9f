import { newestConsentTexts, seedConsentTexts } from '../db/consent-text-tables';
import type { Db, Tx } from '../db/transaction';

/**
 * Versioned consent texts of the visibility domain (same pattern as booking/consent.ts, in an
 * own table because consent_text.kind is constrained to the booking kinds). A new wording is a
 * new version row; what someone agreed to is stored as the version number with their record.
 */
export type VisibilityConsentKind = 'profile' | 'contact_relay' | 'request';

export const INITIAL_VISIBILITY_CONSENT: Record<VisibilityConsentKind, { de: string; en: string }> = {
	profile: {
		de: 'Ich möchte, dass mein Profil öffentlich im Verzeichnis „Kreative“ erscheint – mit Name, Teilmärkten, Ort, Beschreibung, Leistungen, Links und Bild, auch über die Programmierschnittstelle. Meine E-Mail-Adresse wird nie gezeigt. Ich kann das Profil jederzeit zurückziehen; es ist dann sofort nicht mehr sichtbar.',
		en: 'I want my profile to appear publicly in the “Creatives” directory – with name, sub-markets, town, description, services, links and image, also through the programming interface. My e-mail address is never shown. I can withdraw the profile at any time; it is then no longer visible at once.'
	},
	contact_relay: {
		de: 'Ich bin einverstanden, dass meine Nachricht mit meinem Namen und meiner E-Mail-Adresse an die Person hinter diesem Profil weitergeleitet wird, damit sie mir antworten kann.',
		en: 'I agree that my message, with my name and e-mail address, is passed on to the person behind this profile so that they can reply to me.'
	},
	request: {
		de: 'Ich willige ein, dass das Regionalbüro meine Angaben verarbeitet, um das Gesuch zu prüfen und passende Kreative vorzustellen. Meine Kontaktdaten gehen nur an Kreative, die einer Vorstellung zugestimmt haben. Ich kann die Einwilligung jederzeit widerrufen.',
		en: 'I consent to the regional office processing my details to review the request and introduce suitable creatives. My contact details go only to creatives who have agreed to an introduction. I can withdraw this consent at any time.'
	}
};

export interface VisibilityConsentText {
	kind: VisibilityConsentKind;
	version: number;
	de: string;
	en: string;
}

export async function currentVisibilityConsent(
	db: Db | Tx,
	kind: VisibilityConsentKind
): Promise<VisibilityConsentText> {
	return (await newestConsentTexts(db, 'visibility_consent_text', INITIAL_VISIBILITY_CONSENT))[kind];
}

/** Seeds version 1 of a kind that has no row yet; idempotent and safe in parallel. */
export const ensureVisibilityConsent = (db: Db | Tx, now: Date): Promise<void> =>
	seedConsentTexts(db, 'visibility_consent_text', INITIAL_VISIBILITY_CONSENT, now);
