import { HOUR, DAY } from '../../time/durations';
import type { Db, Tx } from '../db/transaction';
import { hashToken, plausibleToken, randomToken } from '../platform/tokens';

/**
 * Single-use links sent by mail (password reset, invitation). The database holds only the
 * SHA-256 of a token, so a leaked backup contains no working link.
 */
export type LinkPurpose = 'password_reset' | 'invite';

export const LINK_LIFETIME: Record<LinkPurpose, number> = {
	password_reset: HOUR,
	invite: 7 * DAY
};

export type LinkCheck = { ok: true; userId: number } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

export async function issueLinkToken(
	trx: Tx,
	purpose: LinkPurpose,
	userId: number,
	now: Date
): Promise<string> {
	const token = randomToken();
	const t = now.getTime();
	await trx
		.insertInto('auth_token')
		.values({
			token_hash: hashToken(token),
			purpose,
			subject_kind: 'staff',
			subject_id: userId,
			created_at: t,
			expires_at: t + LINK_LIFETIME[purpose],
			used_at: null
		})
		.execute();
	return token;
}

/** What a link is worth right now, without using it (for the page a link opens). */
export async function inspectLinkToken(
	db: Db | Tx,
	token: string,
	purpose: LinkPurpose,
	now: Date
): Promise<LinkCheck> {
	if (!plausibleToken(token)) return { ok: false, reason: 'invalid' };
	const row = await db
		.selectFrom('auth_token')
		.select(['subject_id', 'subject_kind', 'expires_at', 'used_at'])
		.where('token_hash', '=', hashToken(token))
		.where('purpose', '=', purpose)
		.executeTakeFirst();
	if (row?.subject_kind !== 'staff') return { ok: false, reason: 'invalid' };
	if (row.used_at !== null) return { ok: false, reason: 'used' };
	if (row.expires_at <= now.getTime()) return { ok: false, reason: 'expired' };
	return { ok: true, userId: row.subject_id };
}

/**
 * Uses a link once. The update only matches an unused, unexpired token, so of two parallel
 * submits exactly one wins; the other sees 'used'.
 */
export async function consumeLinkToken(
	trx: Tx,
	token: string,
	purpose: LinkPurpose,
	now: Date
): Promise<LinkCheck> {
	if (!plausibleToken(token)) return { ok: false, reason: 'invalid' };
	const t = now.getTime();
	const res = await trx
		.updateTable('auth_token')
		.set({ used_at: t })
		.where('token_hash', '=', hashToken(token))
		.where('purpose', '=', purpose)
		.where('subject_kind', '=', 'staff')
		.where('used_at', 'is', null)
		.where('expires_at', '>', t)
		.executeTakeFirst();
	if (Number(res.numUpdatedRows) !== 1) return inspectLinkToken(trx, token, purpose, now);
	const row = await trx
		.selectFrom('auth_token')
		.select('subject_id')
		.where('token_hash', '=', hashToken(token))
		.executeTakeFirstOrThrow();
	return { ok: true, userId: row.subject_id };
}

/** Retires every open link of one purpose for a user (a newer link or a completed reset). */
export async function retireLinkTokens(
	trx: Tx,
	purpose: LinkPurpose,
	userId: number,
	now: Date
): Promise<void> {
	await trx
		.updateTable('auth_token')
		.set({ used_at: now.getTime() })
		.where('purpose', '=', purpose)
		.where('subject_kind', '=', 'staff')
		.where('subject_id', '=', userId)
		.where('used_at', 'is', null)
		.execute();
}
