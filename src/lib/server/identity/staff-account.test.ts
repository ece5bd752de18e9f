import { describe, expect, it } from 'vitest';
import { addStaff } from '../../../../tests/support/identity-fixtures';
import { testServices } from '../../../../tests/support/test-database';
import type { AdminActor } from './context';
import { staffUpdateConflicts } from './staff-admin';
import { staffAccountPage } from './staff-queries';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/**
 * Issue 17: the admin's account page reads one view, and its form asks the same conflicts the
 * update command refuses when other fields failed (issue 16: every error in one round).
 */
let s = servicesClosedAfterEach();

describe('staffAccountPage', () => {
	it('is the account with its offices and every office to assign, or null for no account', async () => {
		s = await testServices();
		const user = await addStaff(s, {
			email: 'berta@example.org',
			offices: [{ key: 'nw', role: 'consultant' }]
		});
		const page = (await staffAccountPage(s.db, user.id))!;
		expect(page.user).toMatchObject({ id: user.id, email: 'berta@example.org', isNetworkAdmin: false });
		expect(page.user.memberships.map((m) => [m.officeKey, m.role])).toEqual([['nw', 'consultant']]);
		expect(page.offices.map((o) => o.key)).toContain('nw');
		expect(page.offices.length).toBeGreaterThan(1);
		expect(await staffAccountPage(s.db, user.id + 1000)).toBeNull();
	});
});

describe('staffUpdateConflicts', () => {
	it.each([
		[
			'another account’s address (any case)',
			'BERTA@example.org',
			true,
			'other',
			{ taken: true, demoted: false }
		],
		['the account’s own address', 'zeno@example.org', true, 'other', { taken: false, demoted: false }],
		[
			'an admin removing their own rights',
			'admin@example.org',
			false,
			'self',
			{ taken: false, demoted: true }
		],
		[
			'an admin removing another’s rights',
			'neu@example.org',
			false,
			'other',
			{ taken: false, demoted: false }
		]
	] as const)('%s', async (_case, email, isNetworkAdmin, whose, expected) => {
		s = await testServices();
		const a = await addStaff(s, { email: 'admin@example.org', admin: true });
		const me: AdminActor = { id: a.id, email: a.email, name: a.name, isNetworkAdmin: true };
		await addStaff(s, { email: 'berta@example.org' });
		const zeno = await addStaff(s, { email: 'zeno@example.org' });
		const userId = whose === 'self' ? a.id : zeno.id;
		expect(await staffUpdateConflicts(s.db, me, userId, { email, isNetworkAdmin })).toEqual(expected);
	});
});
