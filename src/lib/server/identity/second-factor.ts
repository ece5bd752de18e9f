import { recordAudit } from '../audit/index';
import { type Db, type Tx, transact } from '../db/transaction';
import type { SecretBox } from '../platform/secret-box';
import type { Services } from '../runtime';
import { type RequestContext, sessionPolicy, staffActor } from './context';
import { findMatchingRecoveryCode, normaliseRecoveryCode, unusedRecoveryCodes } from './recovery-codes';
import { upgradeSession } from './sessions';
import { clearThrottle, keys, policies, recordFailure, throttleStatus } from './throttle';
import { matchTotp } from './totp';

export type SecondFactorResult =
	| { ok: true; token: string; expiresAt: number }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number }
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

async function failure(
	trx: Tx,
	services: Services,
	user: { id: number; email: string },
	method: 'totp' | 'recovery',
	ctx: RequestContext
): Promise<SecondFactorResult> {
	const now = services.clock.now();
	const after = await recordFailure(trx, keys.secondFactor(user.id), policies(services.config).account, now);
	await recordAudit(
		trx,
		staffActor(user),
		{
			action: 'auth.login_failed',
			subject: { kind: 'staff_user', id: user.id },
			data: { stage: method, blocked: !after.allowed }
		},
		{ now, requestId: ctx.requestId }
	);
	if (after.allowed) return { ok: false, reason: 'invalid' };
	return { ok: false, reason: 'throttled', retryAfterSeconds: after.retryAfterSeconds };
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

/** Step two of a login with a code from the authenticator app. */
export async function completeLoginWithTotp(
	services: Services,
	input: { sessionHash: string; userId: number; code: string },
	ctx: RequestContext = {}
): Promise<SecondFactorResult> {
	const { db, clock, config, secrets } = services;
	const checked = await precheck(services, input.userId);
	if ('result' in checked) return checked.result;
	const { user } = checked;
	const now = clock.now();
	const step = matchUserTotp(secrets, user, input.code, now);
	return transact(db, async (trx) => {
		if (step === null || !(await spendTotpStep(trx, user.id, step))) {
			return failure(trx, services, user, 'totp', ctx);
		}
		const session = await upgradeSession(trx, input.sessionHash, sessionPolicy(config), now);
		if (!session) return { ok: false as const, reason: 'expired' as const };
		await clearThrottle(trx, keys.secondFactor(user.id));
		await recordAudit(
			trx,
			staffActor(user),
			{ action: 'auth.login', subject: { kind: 'staff_user', id: user.id }, data: { method: 'totp' } },
			{ now, requestId: ctx.requestId }
		);
		return { ok: true as const, ...session };
	});
}

/** Step two with a recovery code instead: each code works once. */
export async function completeLoginWithRecoveryCode(
	services: Services,
	input: { sessionHash: string; userId: number; code: string },
	ctx: RequestContext = {}
): Promise<SecondFactorResult> {
	const { db, clock, config } = services;
	const checked = await precheck(services, input.userId);
	if ('result' in checked) return checked.result;
	const { user } = checked;
	const now = clock.now();
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
					.set({ used_at: now.getTime() })
					.where('id', '=', match.id)
					.where('used_at', 'is', null)
					.executeTakeFirst()
			: null;
		if (!res || Number(res.numUpdatedRows) !== 1) return failure(trx, services, user, 'recovery', ctx);
		const session = await upgradeSession(trx, input.sessionHash, sessionPolicy(config), now);
		if (!session) return { ok: false as const, reason: 'expired' as const };
		await clearThrottle(trx, keys.secondFactor(user.id));
		const remaining = await unusedRecoveryCodes(trx, user.id);
		await recordAudit(
			trx,
			staffActor(user),
			{
				action: 'auth.recovery_code_used',
				subject: { kind: 'staff_user', id: user.id },
				data: { remaining }
			},
			{ now, requestId: ctx.requestId }
		);
		await recordAudit(
			trx,
			staffActor(user),
			{ action: 'auth.login', subject: { kind: 'staff_user', id: user.id }, data: { method: 'recovery' } },
			{ now, requestId: ctx.requestId }
		);
		return { ok: true as const, ...session };
	});
}
