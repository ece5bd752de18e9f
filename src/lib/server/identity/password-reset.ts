import { sql } from 'kysely';
import { recordAudit } from '../audit/index';
import type { Db, Tx } from '../db/transaction';
import type { Services } from '../runtime';
import type { Locale } from '../../i18n/locale';
import { anonymousActor, type RequestContext } from './context';
import {
	inspectLinkToken,
	issueLinkToken,
	type LinkCheck,
	passwordFromLink,
	retireLinkTokens
} from './link-tokens';
import { enqueueAccountMail } from './mails';
import { storeNewPassword } from './password-change';
import { endAllSessionsOf } from './sessions';
import { type LinkRequestResult, linkRequest } from './link-request';
import { keys, policies } from './throttle';

/** The stand-in an unknown address is processed against; never committed. */
const DECOY_ADDRESS = 'niemand@kreativlotse.invalid';
const DECOY_NAME = 'Kreativlotse';

/** The account a reset is for, found by address or id; a disabled one counts as none. */
async function enabledAccount(db: Db | Tx, by: { email: string } | { id: number }) {
	const user = await db
		.selectFrom('staff_user')
		.select(['id', 'email', 'name', 'disabled_at'])
		.where((eb) => eb.and(by))
		.executeTakeFirst();
	return user?.disabled_at === null ? user : undefined;
}

/**
 * "Forgot my password". The answer is the same whether or not the address belongs to anyone;
 * only a known, enabled account gets a mail. Counted per client address and per e-mail
 * address, so the form can be used neither to flood an inbox nor to probe many addresses.
 */
export function requestPasswordReset(
	services: Services,
	input: { email: string; clientAddress: string; locale: Locale },
	ctx: RequestContext = {}
): Promise<LinkRequestResult> {
	const { config } = services;
	const limits = policies(config);
	const resetKeys = { address: keys.resetAddress, email: keys.resetEmail };
	const count = { keys: resetKeys, address: limits.resetPerAddress, email: limits.resetPerEmail };
	return linkRequest(services, input, count, async (trx, email, now) => {
		const user = await enabledAccount(trx, { email });
		const known = user !== undefined;
		// Unknown and disabled addresses go through the same statements (token, mail, audit row)
		// against a stand-in, inside a savepoint that is rolled back where a known address's is
		// released: the answer time then tells nothing about whether the address has an account
		// (it differed by ~3.5 ms; deleting the stand-in's rows instead still showed on PostgreSQL).
		const target = known ? user : { id: 0, email: DECOY_ADDRESS, name: DECOY_NAME };
		await sql`savepoint password_reset_request`.execute(trx);
		const token = await issueLinkToken(trx, 'password_reset', target.id, now);
		const path = `/anmelden/passwort-neu/${token}`;
		const mail = { kind: 'reset', locale: input.locale, path, publicBaseUrl: config.publicBaseUrl } as const;
		await enqueueAccountMail(trx, target, mail, now);
		await recordAudit(
			trx,
			anonymousActor,
			{ action: 'auth.password_reset_requested', subject: { kind: 'staff_user', id: target.id } },
			{ now, requestId: ctx.requestId }
		);
		await (known
			? sql`release savepoint password_reset_request`
			: sql`rollback to savepoint password_reset_request`
		).execute(trx);
	});
}

export type ResetCheck = { ok: true; userId: number; email: string } | Extract<LinkCheck, { ok: false }>;

/** For the page a reset link opens: is the link still good, and for which account? */
export async function inspectResetToken(services: Services, token: string): Promise<ResetCheck> {
	const link = await inspectLinkToken(services.db, token, 'password_reset', services.clock.now());
	if (!link.ok) return link;
	const user = await enabledAccount(services.db, { id: link.subjectId });
	if (!user) return { ok: false, reason: 'invalid' };
	return { ok: true, userId: link.subjectId, email: user.email };
}

export type SetPasswordResult = { ok: true } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/**
 * Sets a new password from a reset link: uses the link, retires the user's other reset links,
 * ends every session of the user (whoever had the old password is out), clears the login
 * throttle and tells the user by mail.
 */
export async function completePasswordReset(
	services: Services,
	input: { token: string; password: string; locale: Locale },
	ctx: RequestContext = {}
): Promise<SetPasswordResult> {
	const { config } = services;
	return passwordFromLink(services, 'password_reset', input, async (trx, userId, passwordHash, now) => {
		const user = await enabledAccount(trx, { id: userId });
		if (!user) return { ok: false as const, reason: 'invalid' as const };
		await retireLinkTokens(trx, 'password_reset', user.id, now);
		await endAllSessionsOf(trx, 'staff', user.id);
		await storeNewPassword(
			trx,
			{
				user,
				passwordHash,
				locale: input.locale,
				via: 'reset',
				throttleKey: keys.loginAccount(user.email),
				publicBaseUrl: config.publicBaseUrl
			},
			{ now, requestId: ctx.requestId }
		);
		return { ok: true as const };
	});
}
