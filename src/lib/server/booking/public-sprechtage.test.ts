import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import { bookingFixture } from '../../../../tests/support/booking-fixtures';
import { upcomingSprechtage } from './queries';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

describe('Sprechtage on the public events list', () => {
	it.each([
		{ filter: { officeId: 'nw', landIso: null, month: null }, towns: ['Bielefeld', 'Siegen'] },
		{ filter: { officeId: null, landIso: 'DE-NW', month: null }, towns: ['Bielefeld', 'Siegen'] },
		{ filter: { officeId: null, landIso: 'DE-BY', month: null }, towns: [] },
		{ filter: { officeId: null, landIso: null, month: '2026-07' }, towns: ['Siegen'] }
	] as const)(
		'$filter → $towns (planned, from today, never past or cancelled)',
		async ({ filter, towns }) => {
			s = await testServices();
			const f = await bookingFixture(s);
			const t = s.clock.now().getTime();
			const row = (date: string, town: string, status: 'planned' | 'cancelled' = 'planned') => ({
				office_id: f.officeId,
				consultant_id: f.consultantId,
				date,
				start_time: '10:00',
				end_time: '14:00',
				town,
				venue: 'Kulturhaus',
				address: 'Markt 1',
				status,
				created_at: t,
				updated_at: t
			});
			await s.db
				.insertInto('sprechtag')
				.values([
					row('2026-06-01', 'Vergangen'),
					row('2026-06-20', 'Bielefeld'),
					row('2026-06-25', 'Abgesagt', 'cancelled'),
					row('2026-07-02', 'Siegen')
				])
				.execute();
			const found = await upcomingSprechtage(
				s.db,
				{ ...filter, officeId: filter.officeId === 'nw' ? f.officeId : null },
				'2026-06-15'
			);
			expect(found.map((x) => x.town)).toEqual(towns);
			if (found[0]) expect(found[0]).toMatchObject({ officeKey: 'nw', landIso: 'DE-NW' });
		}
	);
});
