import type { Tx } from '../db/transaction';

/**
 * A creative is a person identified by an e-mail address (issue 4, item 1). The row is made
 * lazily: by the first confirmed booking, or when someone asks for a portal link. A merged
 * duplicate resolves to the creative it was merged into.
 */
export async function ensureCreative(
	trx: Tx,
	email: string,
	input: { now: number; verified: boolean; locale: string }
): Promise<{ id: number; erased: boolean }> {
	const address = email.trim().toLowerCase();
	const found = await trx
		.selectFrom('creative')
		.select(['id', 'deleted_at', 'merged_into_id', 'email_verified_at'])
		.where('email', '=', address)
		.executeTakeFirst();
	if (found) {
		if (found.deleted_at != null) return { id: Number(found.id), erased: true };
		if (input.verified && found.email_verified_at == null) {
			await trx
				.updateTable('creative')
				.set({ email_verified_at: input.now, updated_at: input.now })
				.where('id', '=', found.id)
				.execute();
		}
		return { id: Number(found.merged_into_id ?? found.id), erased: false };
	}
	const created = await trx
		.insertInto('creative')
		.values({
			email: address,
			email_verified_at: input.verified ? input.now : null,
			locale: input.locale === 'en' ? 'en' : 'de',
			created_at: input.now,
			updated_at: input.now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id: Number(created.id), erased: false };
}
