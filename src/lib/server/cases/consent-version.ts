import type { Db, Tx } from '../db/transaction';

/** The newest version of the notes consent text (booking/consent.ts seeds the texts at start). */
export async function currentNotesConsentVersion(db: Db | Tx): Promise<number | null> {
	const row = await db
		.selectFrom('consent_text')
		.select((eb) => eb.fn.max('version').as('version'))
		.where('kind', '=', 'notes')
		.executeTakeFirst();
	return row?.version == null ? null : Number(row.version);
}
