import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { accountOverview, accountPage, changePassword, regenerateRecoveryCodes } from './account';
import { PASSWORD_MIN_LENGTH, verifyPassword } from './password';
import { legacyRecoveryCodeHash } from './recovery-codes';
import {
	addStaff,
	auditActions,
	currentCode,
	sessionFor,
	sessionsOf,
	TEST_PASSWORD
} from '../../../../tests/support/identity-fixtures';
import { closeServicesAfterEach } from '../../../../tests/support/services-per-test';

let s: TestServices;
closeServicesAfterEach();

const NEW_PASSWORD = 'mein-neues-Passwort-2026';

describe('change password', () => {
	it('needs the current password, keeps this session, ends the others, mails a notice', async () => {
		s = await testServices();
		const user = await addStaff(s, { email: 'jana@example.org' });
		const here = await sessionFor(s, user.id, 'full');
		await sessionFor(s, user.id, 'full');
		await sessionFor(s, user.id, 'password');
		expect(
			await changePassword(s, {
				userId: user.id,
				sessionHash: here.hash,
				current: 'falsch-xxxxxxxx',
				next: NEW_PASSWORD,
				locale: 'de'
			})
		).toEqual({ ok: false, reason: 'wrong_password' });
		expect(await sessionsOf(s, user.id)).toHaveLength(3);
		expect(
			await changePassword(s, {
				userId: user.id,
				sessionHash: here.hash,
				current: TEST_PASSWORD,
				next: NEW_PASSWORD,
				locale: 'de'
			})
		).toEqual({ ok: true });
		expect((await sessionsOf(s, user.id)).map((x) => x.id_hash)).toEqual([here.hash]);
		const row = await s.db
			.selectFrom('staff_user')
			.select('password_hash')
			.where('id', '=', user.id)
			.executeTakeFirstOrThrow();
		expect(await verifyPassword(row.password_hash, NEW_PASSWORD)).toBe(true);
		const mails = await s.db.selectFrom('outbox').select(['template', 'to_address', 'text_body']).execute();
		expect(mails).toHaveLength(1);
		expect(mails[0]).toMatchObject({ template: 'identity.password_changed', to_address: 'jana@example.org' });
		expect(mails[0]!.text_body).toContain('/anmelden/passwort-vergessen');
		expect(await auditActions(s)).toEqual(['auth.password_change_failed', 'auth.password_changed']);
	});

	it('is throttled after five wrong current passwords', async () => {
		s = await testServices();
		const user = await addStaff(s);
		const here = await sessionFor(s, user.id, 'full');
		const tries = [];
		for (let i = 0; i < 6; i++) {
			tries.push(
				await changePassword(s, {
					userId: user.id,
					sessionHash: here.hash,
					current: `falsch-${i}-xxxxxx`,
					next: NEW_PASSWORD,
					locale: 'de'
				})
			);
		}
		expect(tries.map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
			'wrong_password',
			'wrong_password',
			'wrong_password',
			'wrong_password',
			'throttled',
			'throttled'
		]);
	});
});

describe('recovery codes from the account page', () => {
	it('need a current TOTP code, replace the old codes and spend the code', async () => {
		s = await testServices();
		const user = await addStaff(s);
		await s.db
			.insertInto('recovery_code')
			.values({ user_id: user.id, code_hash: legacyRecoveryCodeHash('OLDOL-DOLDO'), used_at: null })
			.execute();
		expect(await regenerateRecoveryCodes(s, { userId: user.id, code: '000000' })).toEqual({
			ok: false,
			reason: 'invalid'
		});
		const code = currentCode(s, user.secret!);
		const r = await regenerateRecoveryCodes(s, { userId: user.id, code });
		if (!r.ok) throw new Error(r.reason);
		expect(r.recoveryCodes).toHaveLength(10);
		const stored = await s.db
			.selectFrom('recovery_code')
			.select('code_hash')
			.where('user_id', '=', user.id)
			.execute();
		expect(stored.map((x) => x.code_hash)).not.toContain(legacyRecoveryCodeHash('OLDOL-DOLDO'));
		expect(stored).toHaveLength(10);
		expect(await regenerateRecoveryCodes(s, { userId: user.id, code })).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await auditActions(s)).toEqual(['auth.recovery_codes_renewed']);
		expect(await accountOverview(s, user.id)).toMatchObject({
			recoveryCodesLeft: 10,
			totpEnabledAt: s.clock.now().getTime()
		});
	});
});

describe('accountPage', () => {
	it('shows the account, the offices and roles the session carries, and the password length asked for', async () => {
		s = await testServices();
		const user = await addStaff(s, { email: 'jana@example.org', name: 'Jana Jahn' });
		const memberships = [
			{ officeId: 1, officeKey: 'nw', officeName: 'Kreativlotse NRW', role: 'office_lead' as const }
		];
		const staff = { id: user.id, name: user.name, email: user.email, isNetworkAdmin: false, memberships };
		expect(await accountPage(s, staff)).toEqual({
			account: {
				name: 'Jana Jahn',
				email: 'jana@example.org',
				totpEnabledAt: expect.any(Number),
				recoveryCodesLeft: 0
			},
			offices: [{ key: 'nw', name: 'Kreativlotse NRW', role: 'office_lead' }],
			isNetworkAdmin: false,
			minLength: PASSWORD_MIN_LENGTH
		});
		expect(await accountPage(s, { ...staff, id: user.id + 1000 })).toBeNull();
	});
});
