import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { MINUTE } from '../../time/durations';
import { hashToken } from '../platform/tokens';
import { extendStaffSession } from './session-extend';
import { createSession, resolveSession } from './sessions';
import { addStaff } from '../../../../tests/support/identity-fixtures';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/** Issue 16 (WCAG 2.2.1): "Angemeldet bleiben" starts the idle time again; audited. */
let s = servicesClosedAfterEach();

async function staffUser(svc: TestServices): Promise<{ id: number; email: string }> {
	const { id, email } = await addStaff(svc, {
		email: 'jana.petersen@example.org',
		name: 'Jana Petersen',
		password: false
	});
	return { id, email };
}

describe('extending a staff session', () => {
	it('keeps a session alive past its idle limit and writes an audit row; a gone session answers null', async () => {
		s = await testServices();
		const policy = { idleMinutes: s.config.sessionIdleMinutes, absoluteHours: 10 };
		const user = await staffUser(s);
		const input = {
			subjectKind: 'staff' as const,
			subjectId: user.id,
			stage: 'full' as const,
			clientAddress: '127.0.0.1',
			userAgent: 'test'
		};
		const { token } = await createSession(s.db, input, policy, s.clock.now());
		const staff = { ...user, sessionHash: hashToken(token) };

		// 28 idle minutes later the warning shows; the button is pressed.
		s.clock.advance((policy.idleMinutes - 2) * MINUTE);
		expect(await extendStaffSession(s, staff, { requestId: 'r1' })).toBe(policy.idleMinutes * MINUTE);
		// Without the extension the session would have ended now; with it, it is alive.
		s.clock.advance(5 * MINUTE);
		expect((await resolveSession(s.db, token, policy, s.clock.now())).kind).toBe('staff');
		const audit = await s.db
			.selectFrom('audit_event')
			.select(['action', 'actor_id', 'request_id'])
			.where('action', '=', 'auth.session_extended')
			.executeTakeFirstOrThrow();
		expect(audit).toEqual({ action: 'auth.session_extended', actor_id: user.id, request_id: 'r1' });

		// Idle past the limit: the session is gone and cannot be extended any more.
		s.clock.advance((policy.idleMinutes + 1) * MINUTE);
		expect((await resolveSession(s.db, token, policy, s.clock.now())).kind).toBe('anonymous');
		expect(await extendStaffSession(s, staff)).toBeNull();
	});

	it('does not extend another person’s session or a half-finished sign-in', async () => {
		s = await testServices();
		const policy = { idleMinutes: 30, absoluteHours: 10 };
		const user = await staffUser(s);
		const pending = await createSession(
			s.db,
			{
				subjectKind: 'staff',
				subjectId: user.id,
				stage: 'password',
				clientAddress: '127.0.0.1',
				userAgent: 't'
			},
			policy,
			s.clock.now()
		);
		expect(await extendStaffSession(s, { ...user, sessionHash: hashToken(pending.token) })).toBeNull();
		const full = await createSession(
			s.db,
			{ subjectKind: 'staff', subjectId: user.id, stage: 'full', clientAddress: '127.0.0.1', userAgent: 't' },
			policy,
			s.clock.now()
		);
		expect(
			await extendStaffSession(s, {
				id: user.id + 1,
				email: 'x@example.org',
				sessionHash: hashToken(full.token)
			})
		).toBeNull();
	});
});
