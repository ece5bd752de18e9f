import { recordAudit } from '../audit/index';
import { transact } from '../db/transaction';
import type { Services } from '../runtime';
import { anonymousActor, type RequestContext, recordOwnAudit, sessionPolicy, staffActor } from './context';
import { ensurePendingSecret } from './enrolment';
import { stepAfterPassword } from './login-rules';
import { loginFailures } from '../platform/metrics';
import { verifyPassword } from './password';
import { createSession, endSession } from './sessions';
import { clearThrottle, keys, policies, recordFailure, strictest, throttleStatus } from './throttle';
import type { Throttled } from './throttle-rules';

export type LoginResult =
	| { ok: true; token: string; expiresAt: number; next: 'totp' | 'enrol' }
	| { ok: false; reason: 'invalid' }
	| Throttled;

type LoginInput = {
	email: string;
	password: string;
	clientAddress: string;
	userAgent: string;
	/** A half-finished login in the same browser: replaced, not left lying around. */
	replacesSession?: string | null;
};

/**
 * Step one of a staff login: e-mail and password. Success opens a short "password" session
 * that can do nothing but the second factor (or its enrolment). Unknown address, wrong
 * password, no password yet and a disabled account all answer the same 'invalid', after the
 * same argon2 work, so the answer reveals nothing about which accounts exist.
 */
export async function login(
	services: Services,
	input: LoginInput,
	ctx: RequestContext = {}
): Promise<LoginResult> {
	const { db, clock, config } = services;
	const now = clock.now();
	const email = input.email.trim().toLowerCase();
	const throttle = {
		accountKey: keys.loginAccount(email),
		addressKey: keys.loginAddress(input.clientAddress),
		policy: policies(config)
	};

	// While blocked, even the right password is refused: otherwise the block would be an oracle.
	const blocked = strictest(
		await throttleStatus(db, throttle.addressKey, now),
		await throttleStatus(db, throttle.accountKey, now)
	);
	if (!blocked.allowed) {
		loginFailures.inc({ outcome: 'throttled' });
		return { ok: false, reason: 'throttled', retryAfterSeconds: blocked.retryAfterSeconds };
	}

	const user = await db
		.selectFrom('staff_user')
		.select(['id', 'email', 'password_hash', 'disabled_at', 'totp_enabled_at'])
		.where('email', '=', email)
		.executeTakeFirst();
	const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);

	if (!user || !passwordOk || user.disabled_at !== null) {
		loginFailures.inc({ outcome: 'invalid' });
		return refuseLogin(db, user, throttle, now, ctx);
	}
	return acceptPassword(services, user, throttle.accountKey, input, now, ctx);
}

type LoginThrottle = { accountKey: string; addressKey: string; policy: ReturnType<typeof policies> };

/** Counts the failure against address and account; the one that now blocks turns 'invalid' into 'throttled'. */
function refuseLogin(
	db: Services['db'],
	user: { id: number; disabled_at: unknown } | undefined,
	throttle: LoginThrottle,
	now: Date,
	ctx: RequestContext
): Promise<LoginResult> {
	return transact(db, async (trx) => {
		const after = strictest(
			await recordFailure(trx, throttle.addressKey, throttle.policy.address, now),
			await recordFailure(trx, throttle.accountKey, throttle.policy.account, now)
		);
		await recordAudit(
			trx,
			anonymousActor,
			{
				action: 'auth.login_failed',
				subject: { kind: 'staff_user', id: user?.id ?? null },
				data: {
					stage: 'password',
					reason: !user ? 'unknown' : user.disabled_at !== null ? 'disabled' : 'password',
					blocked: !after.allowed
				}
			},
			{ now, requestId: ctx.requestId }
		);
		return after.allowed
			? { ok: false as const, reason: 'invalid' as const }
			: { ok: false as const, reason: 'throttled' as const, retryAfterSeconds: after.retryAfterSeconds };
	});
}

/** The "password" session: it can do nothing but the second factor (or its enrolment). */
function acceptPassword(
	services: Services,
	user: { id: number; email: string; totp_enabled_at: number | null },
	accountKey: string,
	input: LoginInput,
	now: Date,
	ctx: RequestContext
): Promise<LoginResult> {
	return transact(services.db, async (trx) => {
		await clearThrottle(trx, accountKey);
		const next = stepAfterPassword(user.totp_enabled_at);
		if (next === 'enrol') await ensurePendingSecret(trx, services.secrets, user.id);
		if (input.replacesSession) await endSession(trx, input.replacesSession);
		const session = await createSession(
			trx,
			{
				subjectKind: 'staff',
				subjectId: user.id,
				stage: 'password',
				clientAddress: input.clientAddress,
				userAgent: input.userAgent
			},
			sessionPolicy(services.config),
			now
		);
		await recordOwnAudit(trx, user, { action: 'auth.password_accepted' }, { now, requestId: ctx.requestId });
		return { ok: true as const, ...session, next };
	});
}

/** Ends one session (the caller's) and records it. */
export async function logout(
	services: Services,
	input: { sessionHash: string; user: { id: number; email: string } | null },
	ctx: RequestContext = {}
): Promise<void> {
	const { db, clock } = services;
	const now = clock.now();
	await transact(db, async (trx) => {
		await endSession(trx, input.sessionHash);
		if (input.user) {
			await recordAudit(
				trx,
				staffActor(input.user),
				{ action: 'auth.logout', subject: { kind: 'staff_user', id: input.user.id } },
				{ now, requestId: ctx.requestId }
			);
		}
	});
}
