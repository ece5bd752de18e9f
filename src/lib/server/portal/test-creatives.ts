import type { Db } from '../db/transaction';

/** Test helper: the id of the creative row with this e-mail address. Not used by production code. */
export async function creativeIdOf(s: { db: Db }, email: string): Promise<number> {
	const row = await s.db
		.selectFrom('creative')
		.select('id')
		.where('email', '=', email)
		.executeTakeFirstOrThrow();
	return Number(row.id);
}
