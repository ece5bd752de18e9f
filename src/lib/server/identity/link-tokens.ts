import { MINUTE, HOUR, DAY } from '../../time/durations';
import { useLinkToken } from '../db/link-tokens';
import { type Db, type Tx, transact } from '../db/transaction';
import type { Clock } from '../platform/clock';
import { hashToken, plausibleToken, randomToken } from '../platform/tokens';
import { hashPassword } from './password';

/**
 * Single-use links sent by mail: a staff user's password reset and invitation, a creative's
 * portal sign-in. The database holds only the SHA-256 of a token, so a leaked backup contains
 * no working link.
 */
export type LinkPurpose = 'password_reset' | 'invite' | 'portal_login';

export const LINK_LIFETIME: Record<LinkPurpose, number> = {
	password_reset: HOUR,
	invite: 7 * DAY,
	portal_login: 15 * MINUTE
};

/** Whose account a link of each purpose opens (`auth_token.subject_kind`). */
const SUBJECT_KIND: Record<LinkPurpose, 'staff' | 'creative'> = {
	password_reset: 'staff',
	invite: 'staff',
	portal_login: 'creative'
};

/** `subjectId`: the staff user's or the creative's id, by the purpose's subject kind. */
export type LinkCheck =
	| { ok: true; subjectId: number }
	| { ok: false; reason: 'invalid' | 'expired' | 'used' };

export async function issueLinkToken(
	trx: Tx,
	purpose: LinkPurpose,
	subjectId: number,
	now: Date
): Promise<string> {
	const token = randomToken();
	const t = now.getTime();
	await trx
		.insertInto('auth_token')
		.values({
			token_hash: hashToken(token),
			purpose,
			subject_kind: SUBJECT_KIND[purpose],
			subject_id: subjectId,
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
	if (row?.subject_kind !== SUBJECT_KIND[purpose]) return { ok: false, reason: 'invalid' };
	if (row.used_at !== null) return { ok: false, reason: 'used' };
	if (row.expires_at <= now.getTime()) return { ok: false, reason: 'expired' };
	return { ok: true, subjectId: Number(row.subject_id) };
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
	const subjectId = await useLinkToken(trx, token, purpose, now.getTime(), SUBJECT_KIND[purpose]);
	if (subjectId !== null) return { ok: true, subjectId };
	// The update missed, so the link is not this submit's to use, whatever a second look says.
	const check = await inspectLinkToken(trx, token, purpose, now);
	return check.ok ? { ok: false, reason: 'used' } : check;
}

/** Retires every open link of one purpose for an account (a newer link or a completed reset). */
export async function retireLinkTokens(
	trx: Tx,
	purpose: LinkPurpose,
	subjectId: number,
	now: Date
): Promise<void> {
	await trx
		.updateTable('auth_token')
		.set({ used_at: now.getTime() })
		.where('purpose', '=', purpose)
		.where('subject_kind', '=', SUBJECT_KIND[purpose])
		.where('subject_id', '=', subjectId)
		.where('used_at', 'is', null)
		.execute();
}

/**
 * A new password from a mail link (invitation, reset): the password hashed before the
 * transaction, the link used once inside it, then `work` for the link's account. A link that
 * is no good answers why, and nothing is written.
 */
export async function passwordFromLink<R>(
	services: { db: Db; clock: Clock },
	purpose: 'invite' | 'password_reset',
	input: { token: string; password: string },
	work: (trx: Tx, userId: number, passwordHash: string, now: Date) => Promise<R>
): Promise<R | Extract<LinkCheck, { ok: false }>> {
	const now = services.clock.now();
	const passwordHash = await hashPassword(input.password);
	return transact(services.db, async (trx) => {
		const link = await consumeLinkToken(trx, input.token, purpose, now);
		if (!link.ok) return link;
		return work(trx, link.subjectId, passwordHash, now);
	});
}
