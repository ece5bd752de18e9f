import { describe, expect, it } from 'vitest';
import { testServices, type TestServices } from '../../../../tests/support/test-database';
import { MINUTE, HOUR } from '../../time/durations';
import { hashToken } from '../platform/tokens';
import { createSession, endAllSessionsOf, endSession, resolveSession, upgradeSession } from './sessions';
import { addStaff } from '../../../../tests/support/identity-fixtures';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

const policy = { idleMinutes: 30, absoluteHours: 10 };

async function staff(svc: TestServices, disabled = false) {
	const { id } = await addStaff(svc, {
		name: 'Uta Test',
		password: false,
		disabled,
		offices: [{ key: 'nw', role: 'consultant' }]
	});
	return id;
}

const input = (id: number, stage: 'password' | 'full') => ({
	subjectKind: 'staff' as const,
	subjectId: id,
	stage,
	clientAddress: '127.0.0.1',
	userAgent: 'test'
});

describe('sessions', () => {
	it('store only a hash of the token and resolve a full session to the staff member with offices', async () => {
		s = await testServices();
		const id = await staff(s);
		const { token } = await createSession(s.db, input(id, 'full'), policy, s.clock.now());
		expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
		const row = await s.db.selectFrom('session').selectAll().executeTakeFirstOrThrow();
		expect(row.id_hash).toBe(hashToken(token));
		const actor = await resolveSession(s.db, token, policy, s.clock.now());
		expect(actor.kind).toBe('staff');
		if (actor.kind === 'staff') expect(actor.memberships.map((m) => m.officeKey)).toEqual(['nw']);
	});

	it.each([
		['active within the idle limit', 29 * MINUTE, 'staff'],
		['idle for 30 minutes', 30 * MINUTE, 'anonymous']
	])('idle timeout: %s', async (_, wait, expected) => {
		s = await testServices();
		const id = await staff(s);
		const { token } = await createSession(s.db, input(id, 'full'), policy, s.clock.now());
		s.clock.advance(wait);
		expect((await resolveSession(s.db, token, policy, s.clock.now())).kind).toBe(expected);
	});

	it('absolute timeout ends even an active session', async () => {
		s = await testServices();
		const id = await staff(s);
		const { token } = await createSession(s.db, input(id, 'full'), policy, s.clock.now());
		for (let i = 0; i < 30; i++) {
			s.clock.advance(29 * MINUTE);
			if (s.clock.now().getTime() >= new Date('2026-06-15T08:00:00Z').getTime() + 10 * HOUR) break;
			expect((await resolveSession(s.db, token, policy, s.clock.now())).kind).toBe('staff');
		}
		expect((await resolveSession(s.db, token, policy, s.clock.now())).kind).toBe('anonymous');
	});

	it('a password-only session is pending and is replaced by a new token on upgrade', async () => {
		s = await testServices();
		const id = await staff(s);
		const pending = await createSession(s.db, input(id, 'password'), policy, s.clock.now());
		const actor = await resolveSession(s.db, pending.token, policy, s.clock.now());
		expect(actor.kind).toBe('staff-pending');
		const full = await upgradeSession(s.db, hashToken(pending.token), policy, s.clock.now());
		expect(full?.token).not.toBe(pending.token);
		expect((await resolveSession(s.db, pending.token, policy, s.clock.now())).kind).toBe('anonymous');
		expect((await resolveSession(s.db, full!.token, policy, s.clock.now())).kind).toBe('staff');
	});

	it('logout, "end all" and disabling a user end sessions', async () => {
		s = await testServices();
		const id = await staff(s);
		const a = await createSession(s.db, input(id, 'full'), policy, s.clock.now());
		const b = await createSession(s.db, input(id, 'full'), policy, s.clock.now());
		const c = await createSession(s.db, input(id, 'full'), policy, s.clock.now());
		await endSession(s.db, hashToken(a.token));
		expect((await resolveSession(s.db, a.token, policy, s.clock.now())).kind).toBe('anonymous');
		expect((await resolveSession(s.db, b.token, policy, s.clock.now())).kind).toBe('staff');
		await s.db.updateTable('staff_user').set({ disabled_at: 1 }).where('id', '=', id).execute();
		expect((await resolveSession(s.db, b.token, policy, s.clock.now())).kind).toBe('anonymous');
		await endAllSessionsOf(s.db, 'staff', id);
		expect(
			await s.db.selectFrom('session').selectAll().where('id_hash', '=', hashToken(c.token)).execute()
		).toEqual([]);
	});

	it('ignores unknown and absurd tokens', async () => {
		s = await testServices();
		expect((await resolveSession(s.db, 'nope', policy, s.clock.now())).kind).toBe('anonymous');
		expect((await resolveSession(s.db, 'x'.repeat(5000), policy, s.clock.now())).kind).toBe('anonymous');
		expect((await resolveSession(s.db, undefined, policy, s.clock.now())).kind).toBe('anonymous');
	});
});
