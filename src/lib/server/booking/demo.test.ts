import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import { isoWeekday } from '../../time/berlin';
import { seedDemo } from '../identity/demo';
import { seedDemoAvailability } from './demo';
import { listSlots } from './slots';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

describe('seedDemoAvailability', () => {
	it('gives every office bookable slots and one Sprechtag in its region, once', async () => {
		s = await testServices({ now: '2026-06-15T08:00:00Z' });
		await seedDemo(s);
		const now = s.clock.now();
		const first = await seedDemoAvailability(s.db, now);
		const members = await s.db.selectFrom('staff_membership').select('user_id').execute();
		expect(first.rules).toBe(members.length * 9);
		expect(first.sprechtage).toBe(8);
		expect(await seedDemoAvailability(s.db, now)).toEqual({ rules: 0, sprechtage: 0 });

		const days = await s.db
			.selectFrom('sprechtag as d')
			.innerJoin('office as o', 'o.id', 'd.office_id')
			.select(['o.key', 'd.town', 'd.date'])
			.execute();
		const towns = Object.fromEntries(days.map((d) => [d.key, d.town]));
		expect(towns).toMatchObject({ 'ni-hb': 'Lüneburg', 'be-bb': 'Cottbus', nw: 'Münster', by: 'Regensburg' });
		for (const d of days) {
			expect(d.date >= '2026-06-29').toBe(true);
			expect(isoWeekday(d.date)).toBeLessThanOrEqual(5);
		}
		expect(await s.db.selectFrom('office_booking_setting').select('office_id').execute()).toHaveLength(8);

		const nw = await s.db.selectFrom('office').select('id').where('key', '=', 'nw').executeTakeFirstOrThrow();
		const slots = await listSlots(
			s.db,
			{ officeId: Number(nw.id), from: '2026-06-15', to: '2026-07-10' },
			now
		);
		const formats = new Set(slots.map((x) => x.format));
		expect([...formats].sort()).toEqual(['office', 'phone', 'sprechtag', 'video']);
		expect(
			await s.db
				.selectFrom('audit_event')
				.select('id')
				.where('action', '=', 'availability.demo.seeded')
				.execute()
		).toHaveLength(1);
	});
});
