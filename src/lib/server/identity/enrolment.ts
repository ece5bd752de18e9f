import QRCode from 'qrcode';
import { type Tx, transact } from '../db/transaction';
import type { SecretBox } from '../platform/secret-box';
import type { Services } from '../runtime';
import { type RequestContext, recordOwnAudit, sessionPolicy } from './context';
import { codeAttempt, issueRecoveryCodes, loadTotpUser, secondFactorFailure } from './second-factor';
import { upgradeSession } from './sessions';
import { matchTotp, newTotpSecret, otpauthUri } from './totp';
import type { Throttled } from './throttle-rules';

/**
 * Enrolling an authenticator app. Every staff member must: until it is confirmed with a
 * first code, the login stays a half session that can do nothing else.
 */
export type EnrolmentStart =
	| { ok: true; secret: string; uri: string; qrSvg: string }
	| { ok: false; reason: 'enrolled' | 'unknown' | 'not_started' };

/**
 * The QR code as inline SVG. The page's CSP allows no inline styles, so any `style`
 * attribute is removed; the picture is decorative for assistive technology (the secret is
 * also shown as text).
 */
export async function qrSvg(uri: string): Promise<string> {
	const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
	return svg
		.replace(/\sstyle="[^"]*"/g, '')
		.replace(/\sstyle='[^']*'/g, '')
		.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}

/** Groups of four for reading and typing: "ABCD EFGH …". */
export function groupSecret(secret: string): string {
	return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Makes sure an unenrolled user has a pending secret, stored sealed; `totp_enabled_at` stays
 * null until a code confirms that the app has it. Runs on POST only (the login, or the
 * "start" button): no GET changes state. Keeps an existing pending secret, so a second tab
 * or a repeated login shows the same QR code.
 */
export async function ensurePendingSecret(trx: Tx, secrets: SecretBox, userId: number): Promise<boolean> {
	const fresh = secrets.seal(newTotpSecret());
	// First writer wins: two parallel logins must not leave two different QR codes around.
	const res = await trx
		.updateTable('staff_user')
		.set({ totp_secret: fresh, totp_last_step: null })
		.where('id', '=', userId)
		.where('totp_secret', 'is', null)
		.where('totp_enabled_at', 'is', null)
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

export async function prepareEnrolment(services: Services, userId: number): Promise<void> {
	await transact(services.db, (trx) => ensurePendingSecret(trx, services.secrets, userId));
}

/** What the enrolment page shows (reads only). */
export async function pendingEnrolment(services: Services, userId: number): Promise<EnrolmentStart> {
	const { db, secrets } = services;
	const user = await loadTotpUser(db, userId);
	if (!user || user.disabled_at !== null) return { ok: false, reason: 'unknown' };
	if (user.totp_enabled_at !== null) return { ok: false, reason: 'enrolled' };
	if (!user.totp_secret) return { ok: false, reason: 'not_started' };
	const secret = secrets.open(user.totp_secret);
	const uri = otpauthUri(secret, user.email);
	return { ok: true, secret, uri, qrSvg: await qrSvg(uri) };
}

export type EnrolmentResult =
	| { ok: true; token: string; expiresAt: number; recoveryCodes: string[] }
	| { ok: false; reason: 'invalid' | 'expired' | 'enrolled' }
	| Throttled;

/**
 * Confirms the enrolment with a first code: enables TOTP, spends the code's step, issues ten
 * recovery codes and upgrades the half session to a full one, all in one transaction.
 */
export async function confirmEnrolment(
	services: Services,
	input: { sessionHash: string; userId: number; code: string },
	ctx: RequestContext = {}
): Promise<EnrolmentResult> {
	const attempt = await codeAttempt(services, input.userId);
	if (!attempt.ok) return attempt;
	const { now, key, user } = attempt;
	const { db, config, secrets } = services;
	if (!user || user.disabled_at !== null || !user.totp_secret) return { ok: false, reason: 'expired' };
	if (user.totp_enabled_at !== null) return { ok: false, reason: 'enrolled' };
	const step = matchTotp(secrets.open(user.totp_secret), input.code, now, user.totp_last_step);

	return transact(db, async (trx) => {
		if (step === null) return secondFactorFailure(trx, services, user, 'enrolment', ctx, now);
		// Only the secret the code was checked against, and only while still unconfirmed.
		const res = await trx
			.updateTable('staff_user')
			.set({ totp_enabled_at: now.getTime(), totp_last_step: step, updated_at: now.getTime() })
			.where('id', '=', user.id)
			.where('totp_enabled_at', 'is', null)
			.where('totp_secret', '=', user.totp_secret)
			.executeTakeFirst();
		if (Number(res.numUpdatedRows) !== 1) return { ok: false as const, reason: 'enrolled' as const };
		const session = await upgradeSession(trx, input.sessionHash, sessionPolicy(config), now);
		if (!session) {
			// Throwing rolls the enrolment back: the half session timed out, start the login again.
			throw new SessionGone();
		}
		const recoveryCodes = await issueRecoveryCodes(
			trx,
			user,
			{ key, now, action: 'auth.totp_enrolled' },
			ctx
		);
		await recordOwnAudit(
			trx,
			user,
			{ action: 'auth.login', data: { method: 'enrolment' } },
			{ now, requestId: ctx.requestId }
		);
		return { ok: true as const, ...session, recoveryCodes };
	}).catch((err: unknown) => {
		if (err instanceof SessionGone) return { ok: false as const, reason: 'expired' as const };
		throw err;
	});
}

class SessionGone extends Error {}
