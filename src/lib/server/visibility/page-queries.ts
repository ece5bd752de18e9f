import type { Locale } from '../../i18n/locale';
import type { Db, Tx } from '../db/transaction';
import { jsonLdScript } from '../events/index';
import { landChoices, landName, listSubmarkets, referenceChoices } from '../reference/index';
import { currentVisibilityConsent } from './consent';
import { ownProfile } from './profiles';
import { profileJsonLd, publicProfile } from './public';

/**
 * Issue 17: what the visibility pages show, one read each: the public profile page, the
 * creative's own profile form and the decision maker's request form. Consent texts come in the
 * visitor's language; sub-markets and Länder as choices with names.
 */

/** A public profile with its sub-markets named, its JSON-LD and the relay's consent; null unless public. */
export async function publicProfilePage(
	db: Db | Tx,
	id: number,
	at: { locale: Locale; now: Date; publicBaseUrl: string }
) {
	const p = await publicProfile(db, id, at.now);
	if (!p) return null;
	const [submarkets, consent] = await Promise.all([
		listSubmarkets(db, at.locale, { activeOnly: false }),
		currentVisibilityConsent(db, 'contact_relay')
	]);
	const names = new Map(submarkets.map((s) => [s.key, s.name]));
	const submarketNames = p.submarkets.map((k) => names.get(k) ?? k);
	return {
		profile: { ...p, submarketNames },
		jsonLd: jsonLdScript(
			profileJsonLd(p, {
				publicBaseUrl: at.publicBaseUrl,
				landName: landName(at.locale, p.landIso),
				submarketNames
			})
		),
		relayConsent: at.locale === 'en' ? consent.en : consent.de
	};
}

/** The creative's own profile form: the profile (or null before the first save) and its choices. */
export async function ownProfilePage(db: Db | Tx, creativeId: number, locale: Locale, now: Date) {
	const [profile, submarkets, laender, consent] = await Promise.all([
		ownProfile(db, creativeId, now),
		referenceChoices(db, 'submarket', locale),
		landChoices(db, locale),
		currentVisibilityConsent(db, 'profile')
	]);
	return { profile, submarkets, laender, consentText: locale === 'en' ? consent.en : consent.de };
}

/** The request form of decision makers: active sub-markets, Länder and the consent text. */
export async function requestFormPage(db: Db | Tx, locale: Locale) {
	const [submarkets, laender, consent] = await Promise.all([
		referenceChoices(db, 'submarket', locale),
		landChoices(db, locale),
		currentVisibilityConsent(db, 'request')
	]);
	return { submarkets, laender, consentText: locale === 'en' ? consent.en : consent.de };
}
