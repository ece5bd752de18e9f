import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import { STAFF_PAGE_SIZE, staffPage } from './staff-queries';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

// Issue 14: the staff list is paged and searched in SQL; its count stops one past the page.

let s = servicesClosedAfterEach();

describe('staffPage', () => {
	it('pages through every user once and searches name or e-mail without case', async () => {
		s = await testServices();
		const t = s.clock.now().getTime();
		await s.db
			.insertInto('staff_user')
			.values(
				Array.from({ length: 2 * STAFF_PAGE_SIZE + 3 }, (_, i) => ({
					email: `person${String(i).padStart(3, '0')}@kreativlotse.example`,
					name: i === 7 ? 'Greta Großmann' : `Beraterin ${String(i).padStart(3, '0')}`,
					is_network_admin: 0,
					locale: 'de',
					created_at: t,
					updated_at: t
				}))
			)
			.execute();
		const all = await s.db.selectFrom('staff_user').select('id').execute();
		const seen: number[] = [];
		for (let page = 1; ; page++) {
			const p = await staffPage(s.db, { page });
			expect(p.items.length).toBeLessThanOrEqual(STAFF_PAGE_SIZE);
			seen.push(...p.items.map((u) => u.id));
			// Never more than one row past this page is counted.
			expect(p.total).toBeLessThanOrEqual(page * STAFF_PAGE_SIZE + 1);
			if (p.total <= page * STAFF_PAGE_SIZE) break;
		}
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen.length).toBe(all.length);

		const byName = await staffPage(s.db, { q: 'GRETA' });
		expect(byName.items.map((u) => u.name)).toEqual(['Greta Großmann']);
		expect(byName.total).toBe(1);
		const byMail = await staffPage(s.db, { q: 'Person10' });
		// 103 users: person100 … person102 (sorted by name).
		expect(byMail.items.map((u) => u.email)).toEqual(
			[0, 1, 2].map((i) => `person10${i}@kreativlotse.example`)
		);
		// % and _ are literal characters, not wildcards.
		expect((await staffPage(s.db, { q: '%' })).items).toEqual([]);
	});
});
