import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { MINUTE, DAY } from '../../time/durations';
import type { AdminActor } from './context';
import { createAdmin } from './create-admin';
import { acceptInvite, inspectInvite, inviteStaff, resendInvite } from './invitations';
import { login } from './login';
import { resolveSession } from './sessions';
import { disableStaff, enableStaff, resetStaffTotp, updateStaff } from './staff-admin';
import { assignableOffices, getStaff, listStaff } from './staff-queries';
import {
	addStaff,
	auditActions,
	linkTokenFromMail,
	sessionFor,
	sessionsOf,
	TEST_PASSWORD
} from '../../../../tests/support/identity-fixtures';
import { closeServicesAfterEach } from '../../../../tests/support/services-per-test';

let s: TestServices;
closeServicesAfterEach();

const PASSWORD = 'mein-erstes-Passwort-2026';

/** Ole Janssen, invited by `admin` without office or admin rights; the invitation mail is in the outbox. */
async function inviteOle(admin: AdminActor) {
	const r = await inviteStaff(s, admin, {
		name: 'Ole Janssen',
		email: 'ole@example.org',
		isNetworkAdmin: false,
		memberships: [],
		locale: 'de'
	});
	if (!r.ok) throw new Error(r.reason);
	return r;
}

async function adminActor(): Promise<AdminActor> {
	const a = await addStaff(s, { email: 'admin@example.org', name: 'Nadine Vogt', admin: true });
	return { id: a.id, email: a.email, name: a.name, isNetworkAdmin: true };
}

async function officeId(key: string): Promise<number> {
	const row = await s.db.selectFrom('office').select('id').where('key', '=', key).executeTakeFirstOrThrow();
	return row.id;
}

async function auditData(action: string) {
	const row = await s.db
		.selectFrom('audit_event')
		.selectAll()
		.where('action', '=', action)
		.executeTakeFirstOrThrow();
	return { ...row, data: JSON.parse(row.data) };
}

describe('invitations', () => {
	it('creates the account with roles, mails the link and audits in one go', async () => {
		s = await testServices({ env: { PUBLIC_BASE_URL: 'https://kreativlotse.example' } });
		const admin = await adminActor();
		const nw = await officeId('nw');
		const by = await officeId('by');
		const r = await inviteStaff(s, admin, {
			name: ' Leonie Wagner ',
			email: 'Leonie@Example.org',
			isNetworkAdmin: false,
			memberships: [
				{ officeId: nw, role: 'office_lead' },
				{ officeId: by, role: 'consultant' }
			],
			locale: 'de'
		});
		if (!r.ok) throw new Error(r.reason);
		const detail = await getStaff(s.db, r.userId);
		expect(detail).toMatchObject({
			name: 'Leonie Wagner',
			email: 'leonie@example.org',
			isNetworkAdmin: false,
			status: 'invited',
			totpEnrolled: false
		});
		expect(detail!.memberships.map((m) => [m.officeKey, m.role]).sort()).toEqual([
			['by', 'consultant'],
			['nw', 'office_lead']
		]);
		const mail = await s.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
		expect(mail).toMatchObject({
			to_address: 'leonie@example.org',
			template: 'identity.invite',
			subject: 'Einladung zu Kreativlotse'
		});
		expect(mail.text_body).toContain('Nadine Vogt hat für Sie einen Zugang');
		expect(mail.text_body).toMatch(/https:\/\/kreativlotse\.example\/anmelden\/einladung\/[A-Za-z0-9_-]{43}/);
		const audit = await auditData('staff.invited');
		expect(audit).toMatchObject({ actor_id: admin.id, subject_id: String(r.userId) });
		expect(audit.data.offices.sort()).toEqual([`${by}:consultant`, `${nw}:office_lead`].sort());
	});

	it('refuses a taken address, unknown offices and non-admins', async () => {
		s = await testServices();
		const admin = await adminActor();
		const base = { name: 'X', isNetworkAdmin: false, memberships: [], locale: 'de' as const };
		expect(await inviteStaff(s, admin, { ...base, email: 'ADMIN@example.org' })).toEqual({
			ok: false,
			reason: 'email_taken'
		});
		expect(
			await inviteStaff(s, admin, {
				...base,
				email: 'x@example.org',
				memberships: [{ officeId: 99999, role: 'consultant' }]
			})
		).toEqual({ ok: false, reason: 'unknown_office' });
		expect(
			await inviteStaff(s, { ...admin, isNetworkAdmin: false }, { ...base, email: 'y@example.org' })
		).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(await s.db.selectFrom('outbox').select('id').execute()).toEqual([]);
	});

	it('the invitee sets a password once, then logs in and must enrol TOTP', async () => {
		s = await testServices();
		const admin = await adminActor();
		await inviteOle(admin);
		const token = await linkTokenFromMail(s, 'ole@example.org', 'einladung');
		expect(await inspectInvite(s, token)).toEqual({
			ok: true,
			name: 'Ole Janssen',
			email: 'ole@example.org'
		});
		expect(await acceptInvite(s, { token, password: PASSWORD })).toEqual({
			ok: true,
			email: 'ole@example.org'
		});
		expect(await acceptInvite(s, { token, password: 'anderes-Passwort-123' })).toEqual({
			ok: false,
			reason: 'used'
		});
		expect(
			await login(s, { email: 'ole@example.org', password: PASSWORD, clientAddress: 'a', userAgent: 'b' })
		).toMatchObject({
			ok: true,
			next: 'enrol'
		});
		expect(await auditActions(s)).toContain('auth.invite_accepted');
	});

	it('invitations expire after seven days; a resent one replaces the old link', async () => {
		s = await testServices();
		const admin = await adminActor();
		const r = await inviteOle(admin);
		const first = await linkTokenFromMail(s, 'ole@example.org', 'einladung');
		s.clock.advance(7 * DAY + MINUTE);
		expect(await inspectInvite(s, first)).toEqual({ ok: false, reason: 'expired' });
		expect(await resendInvite(s, admin, { userId: r.userId, locale: 'de' })).toEqual({ ok: true });
		const second = await linkTokenFromMail(s, 'ole@example.org', 'einladung');
		expect(second).not.toBe(first);
		expect(await inspectInvite(s, second)).toMatchObject({ ok: true });
		expect(await acceptInvite(s, { token: second, password: PASSWORD })).toMatchObject({ ok: true });
		expect(await resendInvite(s, admin, { userId: r.userId, locale: 'de' })).toEqual({
			ok: false,
			reason: 'not_invited'
		});
	});
});

describe('editing staff', () => {
	it('changes name, admin flag and roles with a before/after audit row', async () => {
		s = await testServices();
		const admin = await adminActor();
		const user = await addStaff(s, {
			email: 'malte@example.org',
			offices: [{ key: 'hh-mv-sh', role: 'consultant' }]
		});
		const hh = await officeId('hh-mv-sh');
		const nw = await officeId('nw');
		expect(
			await updateStaff(s, admin, user.id, {
				name: 'Malte Hinrichs',
				email: 'malte@example.org',
				isNetworkAdmin: true,
				memberships: [{ officeId: nw, role: 'office_lead' }]
			})
		).toEqual({ ok: true });
		const after = await getStaff(s.db, user.id);
		expect(after).toMatchObject({ name: 'Malte Hinrichs', isNetworkAdmin: true });
		expect(after!.memberships.map((m) => [m.officeKey, m.role])).toEqual([['nw', 'office_lead']]);
		const audit = await auditData('staff.updated');
		expect(audit.data).toMatchObject({
			nameChanged: true,
			emailChanged: false,
			adminBefore: false,
			admin: true,
			officesBefore: [`${hh}:consultant`],
			offices: [`${nw}:office_lead`]
		});
	});

	it('an admin cannot demote or disable themselves, nor reset their own TOTP', async () => {
		s = await testServices();
		const admin = await adminActor();
		expect(
			await updateStaff(s, admin, admin.id, {
				name: 'N',
				email: admin.email,
				isNetworkAdmin: false,
				memberships: []
			})
		).toEqual({ ok: false, reason: 'self' });
		expect(await disableStaff(s, admin, admin.id)).toEqual({ ok: false, reason: 'self' });
		expect(await resetStaffTotp(s, admin, admin.id)).toEqual({ ok: false, reason: 'self' });
		expect(
			await updateStaff(s, admin, admin.id, {
				name: 'Nadine V.',
				email: admin.email,
				isNetworkAdmin: true,
				memberships: []
			})
		).toEqual({ ok: true });
		expect(await auditActions(s)).toEqual(['staff.updated']);
	});

	it('refuses an address another account has', async () => {
		s = await testServices();
		const admin = await adminActor();
		const user = await addStaff(s, { email: 'malte@example.org' });
		expect(
			await updateStaff(s, admin, user.id, {
				name: 'M',
				email: 'admin@example.org',
				isNetworkAdmin: false,
				memberships: []
			})
		).toEqual({ ok: false, reason: 'email_taken' });
	});

	it('disabling ends every session at once and blocks login; enabling lets in again', async () => {
		s = await testServices();
		const admin = await adminActor();
		const user = await addStaff(s, { email: 'malte@example.org' });
		const a = await sessionFor(s, user.id, 'full');
		await sessionFor(s, user.id, 'password');
		expect(await disableStaff(s, admin, user.id)).toEqual({ ok: true });
		expect(await sessionsOf(s, user.id)).toEqual([]);
		expect(
			await resolveSession(s.db, a.token, { idleMinutes: 30, absoluteHours: 10 }, s.clock.now())
		).toEqual({
			kind: 'anonymous'
		});
		const attempt = () =>
			login(s, { email: 'malte@example.org', password: TEST_PASSWORD, clientAddress: 'c', userAgent: 'd' });
		expect(await attempt()).toEqual({ ok: false, reason: 'invalid' });
		expect(await disableStaff(s, admin, user.id)).toEqual({ ok: false, reason: 'unchanged' });
		expect(await enableStaff(s, admin, user.id)).toEqual({ ok: true });
		expect(await attempt()).toMatchObject({ ok: true });
		expect(await auditActions(s)).toEqual([
			'staff.disabled',
			'auth.login_failed',
			'staff.enabled',
			'auth.password_accepted'
		]);
	});

	it('resetting TOTP clears secret and recovery codes, ends sessions, and the next login enrols', async () => {
		s = await testServices();
		const admin = await adminActor();
		const user = await addStaff(s, { email: 'malte@example.org' });
		await s.db
			.insertInto('recovery_code')
			.values({ user_id: user.id, code_hash: 'x', used_at: null })
			.execute();
		await sessionFor(s, user.id, 'full');
		expect(await resetStaffTotp(s, admin, user.id)).toEqual({ ok: true });
		const row = await s.db
			.selectFrom('staff_user')
			.selectAll()
			.where('id', '=', user.id)
			.executeTakeFirstOrThrow();
		expect([row.totp_secret, row.totp_enabled_at, row.totp_last_step]).toEqual([null, null, null]);
		expect(await s.db.selectFrom('recovery_code').select('id').execute()).toEqual([]);
		expect(await sessionsOf(s, user.id)).toEqual([]);
		expect(
			await login(s, {
				email: 'malte@example.org',
				password: TEST_PASSWORD,
				clientAddress: 'c',
				userAgent: 'd'
			})
		).toMatchObject({ ok: true, next: 'enrol' });
		expect((await auditData('staff.totp_reset')).data).toEqual({ wasEnrolled: true });
	});
});

describe('staff queries', () => {
	it('lists everyone with status, 2FA and roles; offices for assignment', async () => {
		s = await testServices();
		await adminActor();
		await addStaff(s, { email: 'b@example.org', name: 'Berta', totp: false, password: false });
		await addStaff(s, {
			email: 'c@example.org',
			name: 'Carla',
			disabled: true,
			offices: [{ key: 'bw', role: 'office_lead' }]
		});
		const list = await listStaff(s.db);
		expect(list.map((u) => [u.name, u.status, u.totpEnrolled, u.isNetworkAdmin])).toEqual([
			['Berta', 'invited', false, false],
			['Carla', 'disabled', true, false],
			['Nadine Vogt', 'active', true, true]
		]);
		expect(list[1]!.memberships.map((m) => [m.officeKey, m.role])).toEqual([['bw', 'office_lead']]);
		const offices = await assignableOffices(s.db);
		expect(offices.length).toBeGreaterThanOrEqual(8);
		expect(offices.map((o) => o.key)).toContain('nw');
	});
});

describe('createAdmin (CLI)', () => {
	it('creates a network admin with an invitation path', async () => {
		s = await testServices();
		const r = await createAdmin(s, { email: 'Chefin@Example.org', name: 'Chefin' });
		expect(r.invitePath).toMatch(/^\/anmelden\/einladung\/[A-Za-z0-9_-]{43}$/);
		const detail = await getStaff(s.db, r.userId);
		expect(detail).toMatchObject({ email: 'chefin@example.org', isNetworkAdmin: true, status: 'invited' });
		const token = r.invitePath.split('/').at(-1)!;
		expect(await acceptInvite(s, { token, password: PASSWORD })).toMatchObject({ ok: true });
		expect((await auditData('staff.invited')).data).toMatchObject({ via: 'cli', admin: true });
	});

	it('promotes and re-enables an existing account, and its invitation sets a new password', async () => {
		s = await testServices();
		const user = await addStaff(s, { email: 'malte@example.org', disabled: true });
		const r = await createAdmin(s, { email: 'malte@example.org', name: 'ignored' });
		expect(r.userId).toBe(user.id);
		expect(await getStaff(s.db, user.id)).toMatchObject({
			isNetworkAdmin: true,
			status: 'active',
			name: 'Erika Beispiel'
		});
		expect((await auditData('staff.promoted')).data).toMatchObject({ wasAdmin: false, reenabled: true });
		expect(
			await acceptInvite(s, { token: r.invitePath.split('/').at(-1)!, password: PASSWORD })
		).toMatchObject({ ok: true });
		expect(
			await login(s, { email: 'malte@example.org', password: PASSWORD, clientAddress: 'c', userAgent: 'd' })
		).toMatchObject({
			ok: true
		});
	});

	it('refuses nonsense input', async () => {
		s = await testServices();
		await expect(createAdmin(s, { email: 'not-an-address', name: 'X' })).rejects.toThrow(/e-mail/);
		await expect(createAdmin(s, { email: 'a@example.org', name: ' ' })).rejects.toThrow(/name/);
	});
});
