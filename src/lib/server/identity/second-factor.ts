import { type Db, type Tx, transact } from '../db/transaction';
import type { SecretBox } from '../platform/secret-box';
import type { Services } from '../runtime';
import { type RequestContext, recordOwnAudit, sessionPolicy } from './context';
import {
	findMatchingRecoveryCode,
	normaliseRecoveryCode,
	replaceRecoveryCodes,
	unusedRecoveryCodes
} from './recovery-codes';
import { upgradeSession } from './sessions';
import { clearThrottle, keys, policies, recordFailure, refusalAfter, throttleStatus } from './throttle';
import { matchTotp } from './totp';
import type { Throttled } from './throttle-rules';

export type SecondFactorResult =
	| { ok: true; token: string; expiresAt: number }
	| { ok: false; reason: 'invalid' }
	| Throttled
	/** The half session is gone (timed out) or the user changed meanwhile: start again. */
	| { ok: false; reason: 'expired' }
	/** No authenticator enrolled: the user belongs on the enrolment page. */
	| { ok: false; reason: 'not_enrolled' };

interface TotpUser {
	id: number;
	email: string;
	totp_secret: string | null;
	totp_enabled_at: number | null;
	totp_last_step: number | null;
	disabled_at: number | null;
}

export async function loadTotpUser(db: Db | Tx, userId: number): Promise<TotpUser | undefined> {
	return db
		.selectFrom('staff_user')
		.select(['id', 'email', 'totp_secret', 'totp_enabled_at', 'totp_last_step', 'disabled_at'])
		.where('id', '=', userId)
		.executeTakeFirst();
}

/**
 * Where a code proves a change to the account's own second factor (enrolment, new recovery
 * codes): refused while the user's second-factor throttle blocks; else the user (if any), the
 * instant and the throttle key a wrong code counts against.
 */
export async function codeAttempt(services: Pick<Services, 'db' | 'clock'>, userId: number) {
	const now = services.clock.now();
	const key = keys.secondFactor(userId);
	const status = await throttleStatus(services.db, key, now);
	if (!status.allowed)
		return { ok: false as const, reason: 'throttled' as const, retryAfterSeconds: status.retryAfterSeconds };
	return { ok: true as const, now, key, user: await loadTotpUser(services.db, userId) };
}

/** A code proved the attempt: fresh recovery codes, the throttle forgets, the audit row says why. */
export async function issueRecoveryCodes(
	trx: Tx,
	user: { id: number; email: string },
	attempt: { key: string; now: Date; action: 'auth.recovery_codes_renewed' | 'auth.totp_enrolled' },
	ctx: RequestContext
): Promise<string[]> {
	const recoveryCodes = await replaceRecoveryCodes(trx, user.id);
	await clearThrottle(trx, attempt.key);
	await recordOwnAudit(trx, user, { action: attempt.action }, { now: attempt.now, requestId: ctx.requestId });
	return recoveryCodes;
}

/** The time step a code matches, for an enrolled user, or null. */
export function matchUserTotp(secrets: SecretBox, user: TotpUser, code: string, now: Date): number | null {
	if (!user.totp_secret) return null;
	return matchTotp(secrets.open(user.totp_secret), code, now, user.totp_last_step);
}

/**
 * Spends a TOTP step. The update only matches while the stored step is older, so when two
 * requests race with the same code exactly one changes the row; the other sees 0 rows and fails.
 */
export async function spendTotpStep(trx: Tx, userId: number, step: number): Promise<boolean> {
	const res = await trx
		.updateTable('staff_user')
		.set({ totp_last_step: step })
		.where('id', '=', userId)
		.where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

/**
 * A wrong code at any second-factor stage (login with TOTP or recovery code, enrolment): counted
 * against the user's second-factor throttle and audited as a failed login.
 */
export async function secondFactorFailure(
	trx: Tx,
	services: Services,
	user: { id: number; email: string },
	stage: 'totp' | 'recovery' | 'enrolment',
	ctx: RequestContext,
	now: Date = services.clock.now()
) {
	const after = await recordFailure(trx, keys.secondFactor(user.id), policies(services.config).account, now);
	await recordOwnAudit(
		trx,
		user,
		{
			action: 'auth.login_failed',
			data: { stage, blocked: !after.allowed }
		},
		{ now, requestId: ctx.requestId }
	);
	return refusalAfter(after, 'invalid');
}

async function precheck(
	services: Services,
	userId: number
): Promise<{ user: TotpUser } | { result: SecondFactorResult }> {
	const { db, clock } = services;
	const user = await loadTotpUser(db, userId);
	if (!user || user.disabled_at !== null) return { result: { ok: false, reason: 'expired' } };
	if (user.totp_enabled_at === null || !user.totp_secret)
		return { result: { ok: false, reason: 'not_enrolled' } };
	const status = await throttleStatus(db, keys.secondFactor(userId), clock.now());
	if (!status.allowed)
		return { result: { ok: false, reason: 'throttled', retryAfterSeconds: status.retryAfterSeconds } };
	return { user };
}

/** Both second-factor logins are called alike: the half session, its user and the code typed. */
type SecondFactorLogin = (
	services: Services,
	input: { sessionHash: string; userId: number; code: string },
	ctx?: RequestContext
) => Promise<SecondFactorResult>;

/**
 * A second factor held: the half session becomes a full one, the throttle forgets the user and
 * the login is audited with its method (after the rows `beforeLogin` writes).
 */
async function finishLogin(
	trx: Tx,
	services: Services,
	user: TotpUser,
	sessionHash: string,
	at: { now: Date; requestId?: string | null },
	method: 'totp' | 'recovery',
	beforeLogin: () => Promise<void> = async () => {}
): Promise<SecondFactorResult> {
	const session = await upgradeSession(trx, sessionHash, sessionPolicy(services.config), at.now);
	if (!session) return { ok: false, reason: 'expired' };
	await clearThrottle(trx, keys.secondFactor(user.id));
	await beforeLogin();
	await recordOwnAudit(trx, user, { action: 'auth.login', data: { method } }, at);
	return { ok: true, ...session };
}

/** Step two of a login with a code from the authenticator app. */
export const completeLoginWithTotp: SecondFactorLogin = async (services, input, ctx = {}) => {
	const checked = await precheck(services, input.userId);
	if ('result' in checked) return checked.result;
	const { user } = checked;
	const at = { now: services.clock.now(), requestId: ctx.requestId };
	const step = matchUserTotp(services.secrets, user, input.code, at.now);
	return transact(services.db, async (trx) => {
		if (step === null || !(await spendTotpStep(trx, user.id, step))) {
			return secondFactorFailure(trx, services, user, 'totp', ctx);
		}
		return finishLogin(trx, services, user, input.sessionHash, at, 'totp');
	});
};

/** Step two with a recovery code instead: each code works once. */
export const completeLoginWithRecoveryCode: SecondFactorLogin = async (services, input, ctx = {}) => {
	const { db } = services;
	const checked = await precheck(services, input.userId);
	if ('result' in checked) return checked.result;
	const { user } = checked;
	const at = { now: services.clock.now(), requestId: ctx.requestId };
	const clean = normaliseRecoveryCode(input.code);
	// argon2 verification runs before the transaction so no write lock waits on it; the
	// update below re-checks `used_at`, so a code raced in two tabs still works only once.
	const candidates =
		clean.length === 10
			? await db
					.selectFrom('recovery_code')
					.select(['id', 'code_hash'])
					.where('user_id', '=', user.id)
					.where('used_at', 'is', null)
					.execute()
			: [];
	const match = await findMatchingRecoveryCode(candidates, clean);
	return transact(db, async (trx) => {
		const res = match
			? await trx
					.updateTable('recovery_code')
					.set({ used_at: at.now.getTime() })
					.where('id', '=', match.id)
					.where('used_at', 'is', null)
					.executeTakeFirst()
			: null;
		if (!res || Number(res.numUpdatedRows) !== 1)
			return secondFactorFailure(trx, services, user, 'recovery', ctx);
		return finishLogin(trx, services, user, input.sessionHash, at, 'recovery', async () => {
			const remaining = await unusedRecoveryCodes(trx, user.id);
			await recordOwnAudit(trx, user, { action: 'auth.recovery_code_used', data: { remaining } }, at);
		});
	});
};
