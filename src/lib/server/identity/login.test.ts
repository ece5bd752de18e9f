import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { MINUTE } from '../../time/durations';
import { login, logout } from './login';
import { resolveSession } from './sessions';
import {
	addStaff,
	auditActions,
	sessionFor,
	sessionsOf,
	TEST_PASSWORD
} from '../../../../tests/support/identity-fixtures';
import { countHit, keys, recordFailure, throttleStatus } from './throttle';
import { loginPolicy } from './throttle-rules';
import { transact } from '../db/transaction';
import { raceTest } from '../../../../tests/support/race-name';
import { closeServicesAfterEach } from '../../../../tests/support/services-per-test';

let s: TestServices;
closeServicesAfterEach();

const attempt = (email: string, password: string, clientAddress = '198.51.100.7') =>
	login(s, { email, password, clientAddress, userAgent: 'vitest' });

describe('login: password step', () => {
	it('accepts the right password and opens a half session that leads to the code', async () => {
		s = await testServices();
		const user = await addStaff(s, { email: 'jana@example.org' });
		const r = await attempt('Jana@Example.org ', TEST_PASSWORD);
		expect(r).toMatchObject({ ok: true, next: 'totp' });
		const sessions = await sessionsOf(s, user.id);
		expect(sessions.map((x) => x.stage)).toEqual(['password']);
		if (!r.ok) throw new Error('unreachable');
		const actor = await resolveSession(s.db, r.token, { idleMinutes: 30, absoluteHours: 10 }, s.clock.now());
		expect(actor).toMatchObject({ kind: 'staff-pending', id: user.id, totpEnrolled: true });
	});

	it('sends users without TOTP to the enrolment', async () => {
		s = await testServices();
		const user = await addStaff(s, { email: 'neu@example.org', totp: false });
		expect(await attempt('neu@example.org', TEST_PASSWORD)).toMatchObject({ ok: true, next: 'enrol' });
		// The pending secret is created here (a POST), so the enrolment page itself only reads.
		const row = await s.db
			.selectFrom('staff_user')
			.select(['totp_secret', 'totp_enabled_at'])
			.where('id', '=', user.id)
			.executeTakeFirstOrThrow();
		expect(row.totp_secret).not.toBeNull();
		expect(row.totp_enabled_at).toBeNull();
	});

	it.each([
		['unknown address', 'niemand@example.org', TEST_PASSWORD, {}],
		['wrong password', 'jana@example.org', 'falsches-Passwort-123', {}],
		['disabled account', 'jana@example.org', TEST_PASSWORD, { disabled: true }],
		['invited, no password yet', 'jana@example.org', '', { password: false }]
	])('refuses %s with the same answer and no session', async (_label, email, password, options) => {
		s = await testServices();
		const user = await addStaff(s, { email: 'jana@example.org', ...options });
		expect(await attempt(email, password)).toEqual({ ok: false, reason: 'invalid' });
		expect(await sessionsOf(s, user.id)).toEqual([]);
		expect(await auditActions(s)).toEqual(['auth.login_failed']);
	});

	it('replaces an earlier half session of the same browser', async () => {
		s = await testServices();
		const user = await addStaff(s, { email: 'jana@example.org' });
		const first = await sessionFor(s, user.id);
		await login(s, {
			email: 'jana@example.org',
			password: TEST_PASSWORD,
			clientAddress: '198.51.100.7',
			userAgent: 'vitest',
			replacesSession: first.hash
		});
		const left = await sessionsOf(s, user.id);
		expect(left).toHaveLength(1);
		expect(left[0]!.id_hash).not.toBe(first.hash);
	});
});

describe('login: throttling per account', () => {
	it('blocks after five failures, refuses even the right password, and lets in after the wait', async () => {
		s = await testServices({ env: { LOGIN_ACCOUNT_LIMIT: '5' } });
		const user = await addStaff(s, { email: 'jana@example.org' });
		for (let i = 0; i < 4; i++) {
			expect(await attempt('jana@example.org', `falsch-${i}-xxxxxxxx`)).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
		expect(await attempt('jana@example.org', 'falsch-5-xxxxxxxx')).toEqual({
			ok: false,
			reason: 'throttled',
			retryAfterSeconds: 60
		});
		s.clock.advance(30_000);
		expect(await attempt('jana@example.org', TEST_PASSWORD)).toEqual({
			ok: false,
			reason: 'throttled',
			retryAfterSeconds: 30
		});
		expect(await sessionsOf(s, user.id)).toEqual([]);
		s.clock.advance(30_000);
		expect(await attempt('jana@example.org', TEST_PASSWORD)).toMatchObject({ ok: true });
		// Success resets the account counter: the row is gone.
		expect(
			await s.db
				.selectFrom('throttle')
				.select('key')
				.where('key', '=', keys.loginAccount('jana@example.org'))
				.execute()
		).toEqual([]);
	});

	it('doubles the block up to 15 minutes, never longer', async () => {
		s = await testServices();
		await addStaff(s, { email: 'jana@example.org' });
		const waits: number[] = [];
		for (let round = 0; round < 6; round++) {
			let last: Awaited<ReturnType<typeof attempt>> | null = null;
			for (let i = 0; i < 5; i++)
				last = await attempt('jana@example.org', 'falsch-xxxxxxxxxx', `203.0.113.${round}`);
			expect(last).toMatchObject({ ok: false, reason: 'throttled' });
			if (last && !last.ok && last.reason === 'throttled') waits.push(last.retryAfterSeconds / 60);
			s.clock.advance(last && !last.ok && last.reason === 'throttled' ? last.retryAfterSeconds * 1000 : 0);
		}
		expect(waits).toEqual([1, 2, 4, 8, 15, 15]);
		expect(await attempt('jana@example.org', TEST_PASSWORD, '203.0.113.99')).toMatchObject({ ok: true });
	});

	it('counts unknown addresses too, so blocking reveals nothing', async () => {
		s = await testServices();
		for (let i = 0; i < 5; i++) await attempt('niemand@example.org', 'falsch-xxxxxxxxxx');
		expect(await attempt('niemand@example.org', 'falsch-xxxxxxxxxx')).toMatchObject({ reason: 'throttled' });
	});
});

describe('login: throttling per client address', () => {
	it('blocks an address that tries many accounts, other addresses still get in', async () => {
		s = await testServices({ env: { LOGIN_ADDRESS_LIMIT: '4', LOGIN_ACCOUNT_LIMIT: '10' } });
		await addStaff(s, { email: 'jana@example.org' });
		for (let i = 0; i < 3; i++) {
			expect(await attempt(`probe${i}@example.org`, 'falsch-xxxxxxxxxx', '198.51.100.66')).toMatchObject({
				reason: 'invalid'
			});
		}
		expect(await attempt('probe3@example.org', 'falsch-xxxxxxxxxx', '198.51.100.66')).toMatchObject({
			reason: 'throttled'
		});
		expect(await attempt('jana@example.org', TEST_PASSWORD, '198.51.100.66')).toMatchObject({
			reason: 'throttled'
		});
		expect(await attempt('jana@example.org', TEST_PASSWORD, '198.51.100.67')).toMatchObject({ ok: true });
	});
});

describe('throttle rows under concurrency', () => {
	it(raceTest('counts every one of many parallel failures (no lost updates)'), async () => {
		s = await testServices();
		const key = keys.loginAccount('parallel@example.org');
		const policy = { ...loginPolicy(1000), windowMs: 60 * MINUTE };
		await Promise.all(
			Array.from({ length: 12 }, () =>
				transact(s.db, (trx) => recordFailure(trx, key, policy, s.clock.now()))
			)
		);
		const row = await s.db
			.selectFrom('throttle')
			.selectAll()
			.where('key', '=', key)
			.executeTakeFirstOrThrow();
		expect(row.failures).toBe(12);
		expect((await throttleStatus(s.db, key, s.clock.now())).allowed).toBe(true);
	});

	it(raceTest('rate counters add up parallel hits and refuse beyond the limit'), async () => {
		s = await testServices();
		const results = await Promise.all(
			Array.from({ length: 8 }, () =>
				countHit(s.db, 'test:parallel', { limit: 5, windowMs: 60 * MINUTE }, s.clock.now())
			)
		);
		expect(results.filter((r) => r.allowed)).toHaveLength(5);
		const row = await s.db.selectFrom('rate_counter').selectAll().executeTakeFirstOrThrow();
		expect(row.count).toBe(8);
		s.clock.advance(60 * MINUTE);
		expect(await countHit(s.db, 'test:parallel', { limit: 5, windowMs: 60 * MINUTE }, s.clock.now())).toEqual(
			{
				allowed: true
			}
		);
	});
});

describe('logout', () => {
	it('ends only this session and records it', async () => {
		s = await testServices();
		const user = await addStaff(s);
		const here = await sessionFor(s, user.id, 'full');
		const elsewhere = await sessionFor(s, user.id, 'full');
		await logout(s, { sessionHash: here.hash, user });
		expect((await sessionsOf(s, user.id)).map((x) => x.id_hash)).toEqual([elsewhere.hash]);
		expect(await auditActions(s)).toEqual(['auth.logout']);
	});
});
