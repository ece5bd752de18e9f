import { transact } from '../db/transaction';
import type { Services } from '../runtime';
import type { Locale } from '../../i18n/locale';
import { type RequestContext, recordOwnAudit } from './context';
import { hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from './password';
import type { StaffPrincipal } from './principal';
import { storeNewPassword } from './password-change';
import { unusedRecoveryCodes } from './recovery-codes';
import { codeAttempt, issueRecoveryCodes, matchUserTotp, spendTotpStep } from './second-factor';
import { endOtherSessionsOf } from './sessions';
import { keys, policies, recordFailure, refusalAfter, throttleStatus } from './throttle';
import type { Throttled } from './throttle-rules';

/** A signed-in staff member's own account ("Mein Konto"). */
export interface AccountOverview {
	name: string;
	email: string;
	totpEnabledAt: number | null;
	recoveryCodesLeft: number;
}

export async function accountOverview(services: Services, userId: number): Promise<AccountOverview | null> {
	const user = await services.db
		.selectFrom('staff_user')
		.select(['name', 'email', 'totp_enabled_at'])
		.where('id', '=', userId)
		.executeTakeFirst();
	if (!user) return null;
	return {
		name: user.name,
		email: user.email,
		totpEnabledAt: user.totp_enabled_at,
		recoveryCodesLeft: await unusedRecoveryCodes(services.db, userId)
	};
}

/**
 * The "Mein Konto" page (issue 17: one read): the account, the offices and roles the session
 * carries, whether the person is a network admin, and the password length the form asks for.
 */
export async function accountPage(services: Services, staff: Omit<StaffPrincipal, 'kind' | 'sessionHash'>) {
	const account = await accountOverview(services, staff.id);
	if (!account) return null;
	return {
		account,
		offices: staff.memberships.map((m) => ({ key: m.officeKey, name: m.officeName, role: m.role })),
		isNetworkAdmin: staff.isNetworkAdmin,
		minLength: PASSWORD_MIN_LENGTH
	};
}

export type ChangePasswordResult =
	| { ok: true }
	| { ok: false; reason: 'wrong_password' | 'not_found' }
	| Throttled;

/**
 * Changes the own password. Needs the current one (a borrowed, unlocked computer is not
 * enough), is throttled like the login, ends every other session of the user and sends a
 * notice mail, so a change the user did not make does not go unnoticed.
 */
export async function changePassword(
	services: Services,
	input: { userId: number; sessionHash: string; current: string; next: string; locale: Locale },
	ctx: RequestContext = {}
): Promise<ChangePasswordResult> {
	const { db, clock, config } = services;
	const now = clock.now();
	const key = keys.passwordChange(input.userId);
	const status = await throttleStatus(db, key, now);
	if (!status.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: status.retryAfterSeconds };
	const user = await db
		.selectFrom('staff_user')
		.select(['id', 'email', 'name', 'password_hash'])
		.where('id', '=', input.userId)
		.executeTakeFirst();
	if (!user) return { ok: false, reason: 'not_found' };
	if (!(await verifyPassword(user.password_hash, input.current))) {
		return transact(db, async (trx) => {
			const after = await recordFailure(trx, key, policies(config).account, now);
			await recordOwnAudit(
				trx,
				user,
				{
					action: 'auth.password_change_failed',
					data: { blocked: !after.allowed }
				},
				{ now, requestId: ctx.requestId }
			);
			return refusalAfter(after, 'wrong_password');
		});
	}
	const passwordHash = await hashPassword(input.next);
	return transact(db, async (trx) => {
		await storeNewPassword(
			trx,
			{
				user,
				passwordHash,
				locale: input.locale,
				via: 'account',
				throttleKey: key,
				publicBaseUrl: config.publicBaseUrl
			},
			{ now, requestId: ctx.requestId }
		);
		// The person who changed it stays signed in here; every other session ends.
		await endOtherSessionsOf(trx, 'staff', user.id, input.sessionHash);
		return { ok: true as const };
	});
}

export type RegenerateResult =
	| { ok: true; recoveryCodes: string[] }
	| { ok: false; reason: 'invalid' | 'not_enrolled' }
	| Throttled;

/** New recovery codes (the old ones stop working); proven with a current authenticator code. */
export async function regenerateRecoveryCodes(
	services: Services,
	input: { userId: number; code: string },
	ctx: RequestContext = {}
): Promise<RegenerateResult> {
	const attempt = await codeAttempt(services, input.userId);
	if (!attempt.ok) return attempt;
	const { now, key, user } = attempt;
	const { db, config, secrets } = services;
	if (!user || user.totp_enabled_at === null) return { ok: false, reason: 'not_enrolled' };
	const step = matchUserTotp(secrets, user, input.code, now);
	return transact(db, async (trx) => {
		if (step === null || !(await spendTotpStep(trx, user.id, step))) {
			return refusalAfter(await recordFailure(trx, key, policies(config).account, now), 'invalid');
		}
		const recoveryCodes = await issueRecoveryCodes(
			trx,
			user,
			{ key, now, action: 'auth.recovery_codes_renewed' },
			ctx
		);
		return { ok: true as const, recoveryCodes };
	});
}
