import { hashToken } from '../platform/tokens';
import type { Tx } from './transaction';

/**
 * Uses a link of `purpose` once: only an unused, unexpired one matches the update, so of two
 * parallel uses exactly one wins. The id of what it stands for, or null when it was not usable.
 * Every mailed link is used through here (identity's account links, visibility's request links);
 * `subjectKind`, when given, must match too.
 */
export async function useLinkToken(
	trx: Tx,
	token: string,
	purpose: string,
	t: number,
	subjectKind?: 'staff' | 'creative'
): Promise<number | null> {
	const tokenHash = hashToken(token);
	let update = trx
		.updateTable('auth_token')
		.set({ used_at: t })
		.where('token_hash', '=', tokenHash)
		.where('purpose', '=', purpose);
	if (subjectKind) update = update.where('subject_kind', '=', subjectKind);
	const used = await update.where('used_at', 'is', null).where('expires_at', '>', t).executeTakeFirst();
	if (Number(used.numUpdatedRows) !== 1) return null;
	const row = await trx
		.selectFrom('auth_token')
		.select('subject_id')
		.where('token_hash', '=', tokenHash)
		.executeTakeFirstOrThrow();
	return Number(row.subject_id);
}
