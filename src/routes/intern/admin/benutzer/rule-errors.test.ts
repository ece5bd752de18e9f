import { describe, expect, it } from 'vitest';
import { networkAdmin, refusedForm, routeEvent } from '../../../../../tests/support/route-events';
import { testServices } from '../../../../../tests/support/test-database';
import { demotesSelf } from '$lib/server/identity/staff-admin';
import { staffEmailTaken } from '$lib/server/identity/staff-queries';
import { addStaff } from '../../../../../tests/support/identity-fixtures';
import { setServices } from '$lib/server/runtime';
import { actions as edit } from './[id]/+page.server';
import { actions as invite } from './neu/+page.server';
import { servicesClosedAfterEach } from '../../../../../tests/support/services-per-test';

/**
 * Issue 16: the staff forms report a used address (and an admin taking their own admin rights)
 * together with the schema's errors, not in a second round.
 */
let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

type Admin = { id: number; email: string };

function event(admin: Admin, path: string, params: Record<string, string>, form: Record<string, string>) {
	return routeEvent({ path, params, form, actor: networkAdmin(admin) });
}

describe('staff forms: every error in one round', () => {
	it('the rules on their own: a used address (not the own one), a self-demotion', async () => {
		s = await testServices();
		const a = await addStaff(s, { email: 'a@example.org', name: 'A', admin: true });
		await addStaff(s, { email: 'b@example.org', name: 'B' });
		expect(await staffEmailTaken(s.db, ' B@Example.org ')).toBe(true);
		expect(await staffEmailTaken(s.db, 'a@example.org', a.id)).toBe(false);
		expect(await staffEmailTaken(s.db, 'kein-format')).toBe(false);
		const admin = { id: a.id, email: a.email, name: 'A', isNetworkAdmin: true };
		expect(demotesSelf(admin, a.id, false)).toBe(true);
		expect(demotesSelf(admin, a.id, true)).toBe(false);
		expect(demotesSelf(admin, a.id + 1, false)).toBe(false);
	});

	it('editing: the missing name and another account’s address', async () => {
		s = await testServices();
		setServices(s);
		const a = await addStaff(s, { email: 'a@example.org', name: 'A', admin: true });
		const b = await addStaff(s, { email: 'b@example.org', name: 'B' });
		const r = refusedForm(
			await edit.save!(
				event(a, `/intern/admin/benutzer/${b.id}`, { id: String(b.id) }, { name: '', email: 'a@example.org' })
			)
		);
		expect(r.errors.name).toBeTruthy();
		expect(r.errors.email).toMatch(/bereits einen Zugang/);
	});

	it('editing oneself: the missing name and the admin box unticked', async () => {
		s = await testServices();
		setServices(s);
		const a = await addStaff(s, { email: 'a@example.org', name: 'A', admin: true });
		const r = refusedForm(
			await edit.save!(
				event(a, `/intern/admin/benutzer/${a.id}`, { id: String(a.id) }, { name: '', email: 'a@example.org' })
			)
		);
		expect(Object.keys(r.errors).sort()).toEqual(['is_network_admin', 'name']);
	});

	it('inviting: the missing name and a used address', async () => {
		s = await testServices();
		setServices(s);
		const a = await addStaff(s, { email: 'a@example.org', name: 'A', admin: true });
		const r = refusedForm(
			await invite.default!(event(a, '/intern/admin/benutzer/neu', {}, { name: '', email: 'A@example.org' }))
		);
		expect(Object.keys(r.errors).sort()).toEqual(['email', 'name']);
	});
});
