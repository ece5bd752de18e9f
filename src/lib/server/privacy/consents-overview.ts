import type { Db, Tx } from '../db/transaction';
import { newsWithdrawnAt } from './news-consent-withdrawal';
import { bookingsWithOffice, casesWithOffice } from './office-rows';

/**
 * Issue 13, part 3: every consent a creative gave, in one list for the portal, each with the
 * version of the text agreed to and the date. Processing and news consents come with bookings
 * (one entry per booking), the notes consent lives on each case (it can be withdrawn), the
 * profile consent on the published profile.
 */
export interface ConsentEntry {
	kind: 'processing' | 'news' | 'notes' | 'profile';
	/** Where it was given: the office of the booking or case; null for the profile. */
	officeName: string | null;
	version: number | null;
	at: number | null;
	/** Notes and news: when it was withdrawn (the consent columns are empty then). */
	withdrawnAt: number | null;
}

const num = (v: unknown) => (v == null ? null : Number(v));

export async function consentsOf(db: Db | Tx, me: { id: number; email: string }): Promise<ConsentEntry[]> {
	const bookings = await bookingsWithOffice(db)
		.select([
			'b.consent_processing_version',
			'b.consent_news_version',
			'b.consented_at',
			'o.name as office_name'
		])
		.where((eb) =>
			eb.or([
				eb('b.email', '=', me.email.toLowerCase()),
				eb('b.case_id', 'in', eb.selectFrom('case_file').select('id').where('creative_id', '=', me.id))
			])
		)
		.orderBy('b.consented_at', 'desc')
		.execute();
	const cases = await casesWithOffice(db, me.id)
		.select([
			'c.notes_consent_version',
			'c.notes_consent_at',
			'c.notes_consent_withdrawn_at',
			'o.name as office_name'
		])
		.execute();
	const profiles = await db
		.selectFrom('profile')
		.select(['publish_consent_version', 'publish_consented_at'])
		.where('creative_id', '=', me.id)
		.where('publish_consent_version', 'is not', null)
		.execute();
	const out: ConsentEntry[] = [];
	for (const b of bookings) {
		const at = Number(b.consented_at);
		out.push({
			kind: 'processing',
			officeName: b.office_name,
			version: num(b.consent_processing_version),
			at,
			withdrawnAt: null
		});
		if (b.consent_news_version != null)
			out.push({
				kind: 'news',
				officeName: b.office_name,
				version: num(b.consent_news_version),
				at,
				withdrawnAt: null
			});
	}
	for (const c of cases) {
		if (c.notes_consent_version == null && c.notes_consent_withdrawn_at == null) continue;
		out.push({
			kind: 'notes',
			officeName: c.office_name,
			version: num(c.notes_consent_version),
			at: num(c.notes_consent_at),
			withdrawnAt: c.notes_consent_version == null ? num(c.notes_consent_withdrawn_at) : null
		});
	}
	// The news consent's withdrawal is one fact about the person (its date is in the audit log).
	const newsWithdrawn = await newsWithdrawnAt(db, me.id);
	if (newsWithdrawn !== null)
		out.push({ kind: 'news', officeName: null, version: null, at: null, withdrawnAt: newsWithdrawn });
	for (const p of profiles)
		out.push({
			kind: 'profile',
			officeName: null,
			version: num(p.publish_consent_version),
			at: num(p.publish_consented_at),
			withdrawnAt: null
		});
	return out;
}

/** Whether the portal offers the withdrawal button: some case still holds a notes consent. */
export function hasActiveNotesConsent(entries: readonly ConsentEntry[]): boolean {
	return entries.some((e) => e.kind === 'notes' && e.version != null);
}

/** Whether the portal offers to withdraw the news consent: some booking still holds it. */
export function hasActiveNewsConsent(entries: readonly ConsentEntry[]): boolean {
	return entries.some((e) => e.kind === 'news' && e.version != null);
}
