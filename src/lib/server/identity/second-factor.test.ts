import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { confirmEnrolment, groupSecret, pendingEnrolment, prepareEnrolment, qrSvg } from './enrolment';
import { hashRecoveryCode, legacyRecoveryCodeHash, normaliseRecoveryCode } from './recovery-codes';
import { completeLoginWithRecoveryCode, completeLoginWithTotp } from './second-factor';
import {
	addStaff,
	auditActions,
	currentCode,
	sessionFor,
	sessionsOf
} from '../../../../tests/support/identity-fixtures';
import { timeStep, totpAt } from './totp';
import { raceTest } from '../../../../tests/support/race-name';
import { closeServicesAfterEach } from '../../../../tests/support/services-per-test';

let s: TestServices;
closeServicesAfterEach();

/** The staff user row, every column. */
const staffRow = (userId: number) =>
	s.db.selectFrom('staff_user').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();

/** A staff user without TOTP whose enrolment has started: its pending secret is `start.secret`. */
async function startedEnrolment() {
	const user = await addStaff(s, { totp: false });
	await prepareEnrolment(s, user.id);
	const start = await pendingEnrolment(s, user.id);
	if (!start.ok) throw new Error('enrolment did not start');
	return { user, start };
}

describe('second factor: TOTP', () => {
	it('upgrades the half session to a new full one and records the login', async () => {
		s = await testServices();
		const user = await addStaff(s);
		const half = await sessionFor(s, user.id);
		const r = await completeLoginWithTotp(s, {
			sessionHash: half.hash,
			userId: user.id,
			code: currentCode(s, user.secret!)
		});
		expect(r).toMatchObject({ ok: true });
		const sessions = await sessionsOf(s, user.id);
		expect(sessions).toHaveLength(1);
		expect(sessions[0]).toMatchObject({ stage: 'full' });
		expect(sessions[0]!.id_hash).not.toBe(half.hash);
		expect(await auditActions(s)).toEqual(['auth.login']);
	});

	it('accepts the neighbouring steps (clock drift) but not older ones', async () => {
		s = await testServices();
		const user = await addStaff(s);
		for (const [offset, ok] of [
			[-1, true],
			[1, true],
			[-3, false]
		] as const) {
			await s.db.updateTable('staff_user').set({ totp_last_step: null }).where('id', '=', user.id).execute();
			const half = await sessionFor(s, user.id);
			const r = await completeLoginWithTotp(s, {
				sessionHash: half.hash,
				userId: user.id,
				code: currentCode(s, user.secret!, offset)
			});
			expect(r.ok).toBe(ok);
		}
	});

	it('refuses a code that was already used (no replay)', async () => {
		s = await testServices();
		const user = await addStaff(s);
		const code = currentCode(s, user.secret!);
		const first = await sessionFor(s, user.id);
		expect((await completeLoginWithTotp(s, { sessionHash: first.hash, userId: user.id, code })).ok).toBe(
			true
		);
		const second = await sessionFor(s, user.id);
		expect(await completeLoginWithTotp(s, { sessionHash: second.hash, userId: user.id, code })).toEqual({
			ok: false,
			reason: 'invalid'
		});
		const row = await staffRow(user.id);
		expect(row.totp_last_step).toBe(timeStep(s.clock.now()));
	});

	it(raceTest('lets exactly one of two parallel requests with the same code win'), async () => {
		s = await testServices();
		const user = await addStaff(s);
		const code = currentCode(s, user.secret!);
		const halves = await Promise.all([
			sessionFor(s, user.id),
			sessionFor(s, user.id),
			sessionFor(s, user.id)
		]);
		const results = await Promise.all(
			halves.map((h) => completeLoginWithTotp(s, { sessionHash: h.hash, userId: user.id, code }))
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect((await sessionsOf(s, user.id)).filter((x) => x.stage === 'full')).toHaveLength(1);
	});

	it('blocks after five wrong codes, even for the right one, until the wait is over', async () => {
		s = await testServices();
		const user = await addStaff(s);
		const half = await sessionFor(s, user.id);
		const wrong = totpAt(user.secret!, timeStep(s.clock.now()) + 5);
		const results = [];
		for (let i = 0; i < 5; i++) {
			results.push(await completeLoginWithTotp(s, { sessionHash: half.hash, userId: user.id, code: wrong }));
		}
		expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
			'invalid',
			'invalid',
			'invalid',
			'invalid',
			'throttled'
		]);
		const blocked = await completeLoginWithTotp(s, {
			sessionHash: half.hash,
			userId: user.id,
			code: currentCode(s, user.secret!)
		});
		expect(blocked).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 60 });
		s.clock.advance(60_000);
		const fresh = await sessionFor(s, user.id);
		expect(
			(
				await completeLoginWithTotp(s, {
					sessionHash: fresh.hash,
					userId: user.id,
					code: currentCode(s, user.secret!)
				})
			).ok
		).toBe(true);
	});

	it('answers "expired" when the half session is gone and "not_enrolled" without TOTP', async () => {
		s = await testServices();
		const user = await addStaff(s);
		expect(
			await completeLoginWithTotp(s, {
				sessionHash: 'gone',
				userId: user.id,
				code: currentCode(s, user.secret!)
			})
		).toEqual({ ok: false, reason: 'expired' });
		const bare = await addStaff(s, { totp: false });
		const half = await sessionFor(s, bare.id);
		expect(
			await completeLoginWithTotp(s, { sessionHash: half.hash, userId: bare.id, code: '123456' })
		).toEqual({
			ok: false,
			reason: 'not_enrolled'
		});
	});
});

describe('second factor: recovery codes', () => {
	async function withCodes(
		codes: string[],
		hashOf: (c: string) => string | Promise<string> = hashRecoveryCode
	) {
		const user = await addStaff(s);
		const hashes = await Promise.all(codes.map(hashOf));
		await s.db
			.insertInto('recovery_code')
			.values(hashes.map((code_hash) => ({ user_id: user.id, code_hash, used_at: null })))
			.execute();
		return { ...user, hashes };
	}

	/** Opens a half session for the user and completes it with a recovery code. */
	const recoveryLogin = async (userId: number, code: string) =>
		completeLoginWithRecoveryCode(s, { sessionHash: (await sessionFor(s, userId)).hash, userId, code });

	it('works once per code, in any spelling, and records what is left', async () => {
		s = await testServices();
		const user = await withCodes(['ABCDE-FGHJK', 'LMNPQ-RSTUV']);
		expect((await recoveryLogin(user.id, ' abcde fghjk ')).ok).toBe(true);
		expect(await recoveryLogin(user.id, 'ABCDE-FGHJK')).toEqual({ ok: false, reason: 'invalid' });
		const used = await s.db
			.selectFrom('recovery_code')
			.select(['code_hash', 'used_at'])
			.where('user_id', '=', user.id)
			.where('used_at', 'is not', null)
			.execute();
		expect(used.map((u) => u.code_hash)).toEqual([user.hashes[0]]);
		expect(await auditActions(s)).toEqual(['auth.recovery_code_used', 'auth.login', 'auth.login_failed']);
		const data = await s.db
			.selectFrom('audit_event')
			.select('data')
			.where('action', '=', 'auth.recovery_code_used')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(data.data)).toEqual({ remaining: 1 });
	});

	it("refuses another user's code", async () => {
		s = await testServices();
		await withCodes(['ABCDE-FGHJK']);
		const other = await addStaff(s);
		expect(await recoveryLogin(other.id, 'ABCDE-FGHJK')).toEqual({ ok: false, reason: 'invalid' });
	});

	it('still accepts codes stored in the old unsalted SHA-256 form, once each', async () => {
		s = await testServices();
		const user = await withCodes(['ABCDE-FGHJK'], legacyRecoveryCodeHash);
		const rest = await hashRecoveryCode('LMNPQ-RSTUV');
		await s.db
			.insertInto('recovery_code')
			.values({ user_id: user.id, code_hash: rest, used_at: null })
			.execute();
		const use = async (code: string) => (await recoveryLogin(user.id, code)).ok;
		expect(await use('abcde-fghjk')).toBe(true);
		expect(await use('ABCDE-FGHJK')).toBe(false);
		expect(await use('lmnpq rstuv')).toBe(true);
		expect(await use('LMNPQ-RSTUV')).toBe(false);
	});

	it(raceTest('lets exactly one of two parallel uses of the same code win'), async () => {
		s = await testServices();
		const user = await withCodes(['ABCDE-FGHJK', 'LMNPQ-RSTUV']);
		const [a, b] = await Promise.all([1, 2].map(() => recoveryLogin(user.id, 'ABCDE-FGHJK')));
		expect([a!.ok, b!.ok].sort()).toEqual([false, true]);
	});

	it('normalises codes', () => {
		expect(normaliseRecoveryCode(' abcde-fghjk ')).toBe('ABCDEFGHJK');
	});
});

describe('enrolment', () => {
	it('shows the same pending secret on reload and keeps TOTP off until confirmed', async () => {
		s = await testServices();
		const user = await addStaff(s, { totp: false });
		expect(await pendingEnrolment(s, user.id)).toEqual({ ok: false, reason: 'not_started' });
		await prepareEnrolment(s, user.id);
		const a = await pendingEnrolment(s, user.id);
		await prepareEnrolment(s, user.id);
		const b = await pendingEnrolment(s, user.id);
		if (!a.ok || !b.ok) throw new Error('enrolment did not start');
		expect(a.secret).toBe(b.secret);
		expect(a.qrSvg).toMatch(/^<svg aria-hidden="true"/);
		expect(a.qrSvg).not.toMatch(/style=/);
		const row = await staffRow(user.id);
		expect(row.totp_enabled_at).toBeNull();
		expect(row.totp_secret).not.toContain(a.secret);
		expect(s.secrets.open(row.totp_secret!)).toBe(a.secret);
	});

	it('confirms with a code: enabled, ten recovery codes, full session, audit', async () => {
		s = await testServices();
		const { user, start } = await startedEnrolment();
		const half = await sessionFor(s, user.id);
		const wrong = await confirmEnrolment(s, { sessionHash: half.hash, userId: user.id, code: '000000' });
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		const r = await confirmEnrolment(s, {
			sessionHash: half.hash,
			userId: user.id,
			code: currentCode(s, start.secret)
		});
		if (!r.ok) throw new Error(`enrolment failed: ${r.reason}`);
		expect(r.recoveryCodes).toHaveLength(10);
		expect(new Set(r.recoveryCodes).size).toBe(10);
		for (const c of r.recoveryCodes) expect(c).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
		const stored = await s.db
			.selectFrom('recovery_code')
			.select('code_hash')
			.where('user_id', '=', user.id)
			.execute();
		// Salted argon2id: ten different hashes, none of them the old unsalted SHA-256 form.
		expect(stored).toHaveLength(10);
		for (const x of stored) expect(x.code_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(stored.map((x) => x.code_hash)).not.toContain(legacyRecoveryCodeHash(r.recoveryCodes[0]!));
		const row = await staffRow(user.id);
		expect(row.totp_enabled_at).toBe(s.clock.now().getTime());
		expect(row.totp_last_step).toBe(timeStep(s.clock.now()));
		expect((await sessionsOf(s, user.id)).map((x) => x.stage)).toEqual(['full']);
		expect(await auditActions(s)).toEqual(['auth.login_failed', 'auth.totp_enrolled', 'auth.login']);
		expect(await pendingEnrolment(s, user.id)).toEqual({ ok: false, reason: 'enrolled' });
		await prepareEnrolment(s, user.id);
		const still = await staffRow(user.id);
		expect(s.secrets.open(still.totp_secret!)).toBe(start.secret);
	});

	it('rolls the enrolment back when the half session timed out', async () => {
		s = await testServices();
		const { user, start } = await startedEnrolment();
		const r = await confirmEnrolment(s, {
			sessionHash: 'gone',
			userId: user.id,
			code: currentCode(s, start.secret)
		});
		expect(r).toEqual({ ok: false, reason: 'expired' });
		const row = await staffRow(user.id);
		expect(row.totp_enabled_at).toBeNull();
		expect(await s.db.selectFrom('recovery_code').select('id').execute()).toEqual([]);
	});

	it('renders an inline SVG QR code without inline styles and groups the secret', async () => {
		const svg = await qrSvg(
			'otpauth://totp/Kreativlotse:a%40b.de?secret=JBSWY3DPEHPK3PXP&issuer=Kreativlotse'
		);
		expect(svg).toContain('<path');
		expect(svg).not.toMatch(/style/);
		expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
	});
});
