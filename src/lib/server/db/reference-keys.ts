import type { Db, Tx } from './transaction';

/** A reference table whose entries are chosen by key and can be retired (`active = 0`). */
export type KeyedReference = 'submarket' | 'topic' | 'stage';

/**
 * How many of `keys` a keyed reference table holds (only its active entries when `activeOnly`):
 * a form's "every choice is known" rule compares this with the number of its choices. No keys,
 * no query (an empty `in ()` is not valid SQL).
 */
export async function knownKeyCount(
	db: Db | Tx,
	table: KeyedReference,
	keys: readonly string[],
	activeOnly: boolean
): Promise<number> {
	if (keys.length === 0) return 0;
	let query = db
		.selectFrom(table)
		.select('key')
		.where('key', 'in', [...keys]);
	if (activeOnly) query = query.where('active', '=', 1);
	return (await query.execute()).length;
}

/** Whether the Land with this ISO code is on file. */
export async function landOnFile(db: Db | Tx, iso: string): Promise<boolean> {
	const land = await db.selectFrom('land').select('iso').where('iso', '=', iso).executeTakeFirst();
	return land !== undefined;
}
