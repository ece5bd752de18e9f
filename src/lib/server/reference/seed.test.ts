import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { listEntries, listLaender, listOffices } from './queries';
import { seedReferenceData } from './seed';
import { closeServicesAfterEach } from '../../../../tests/support/services-per-test';

let s: TestServices;
closeServicesAfterEach();

const expectedOffices: Record<string, string[]> = {
	'hh-mv-sh': ['DE-HH', 'DE-MV', 'DE-SH'],
	'ni-hb': ['DE-HB', 'DE-NI'],
	'be-bb': ['DE-BB', 'DE-BE'],
	nw: ['DE-NW'],
	'sn-st-th': ['DE-SN', 'DE-ST', 'DE-TH'],
	'he-rp-sl': ['DE-HE', 'DE-RP', 'DE-SL'],
	bw: ['DE-BW'],
	by: ['DE-BY']
};

describe('seedReferenceData', () => {
	it('seeds 16 Länder, 8 offices with their Länder, 13 sub-markets, 15 topics, 5 stages', async () => {
		s = await testServices();
		const laender = await listLaender(s.db);
		expect(laender).toHaveLength(16);
		expect(laender.find((l) => l.iso === 'DE-BY')).toEqual({ iso: 'DE-BY', ags: '09', name: 'Bayern' });

		const offices = await listOffices(s.db);
		expect(offices).toHaveLength(8);
		expect(Object.fromEntries(offices.map((o) => [o.key, o.laender]))).toEqual(expectedOffices);
		expect(offices.every((o) => o.active)).toBe(true);
		// Every Land has exactly one office.
		expect(offices.flatMap((o) => o.laender).sort()).toEqual(laender.map((l) => l.iso).sort());
		const nw = offices.find((o) => o.key === 'nw')!;
		expect(nw).toMatchObject({ seat: 'Bochum', seatConfirmed: true, city: 'Bochum', validFrom: null });
		expect(offices.find((o) => o.key === 'by')!.seatConfirmed).toBe(false);

		const submarkets = await listEntries(s.db, 'submarket', 'de');
		expect(submarkets).toHaveLength(13);
		const crafts = submarkets.find((e) => e.key === 'kunsthandwerk')!;
		expect(crafts).toMatchObject({ active: false, optional: true, name: 'Kunsthandwerk' });
		expect(submarkets.filter((e) => e.active)).toHaveLength(12);
		expect(await listEntries(s.db, 'submarket', 'de', { activeOnly: true })).toHaveLength(12);
		expect(submarkets[0]).toMatchObject({ key: 'musik', group: 'kultur' });

		expect(await listEntries(s.db, 'topic', 'de')).toHaveLength(15);
		const stages = await listEntries(s.db, 'stage', 'en');
		expect(stages.map((e) => e.key)).toEqual(['idee', 'gruendung', 'festigung', 'wachstum', 'krise']);
		expect(stages[0]!.name).toBe('Idea');
	});

	it('does nothing on a second run and keeps admin edits', async () => {
		s = await testServices();
		await s.db.updateTable('office').set({ phone: '+49 30 1' }).where('key', '=', 'be-bb').execute();
		const again = await seedReferenceData(s.db, s.clock.now());
		expect(again).toEqual({ laender: 0, offices: 0, submarkets: 0, topics: 0, stages: 0, postcodes: 0 });
		expect(await listOffices(s.db)).toHaveLength(8);
		expect((await listOffices(s.db)).find((o) => o.key === 'be-bb')!.phone).toBe('+49 30 1');
		const counts = await s.db
			.selectFrom('submarket')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(counts.n)).toBe(13);
	});

	it('fills empty tables and reports what it inserted', async () => {
		s = await testServices();
		for (const table of ['postcode', 'office_land', 'office', 'submarket', 'topic', 'stage', 'land'] as const)
			await s.db.deleteFrom(table).execute();
		const summary = await seedReferenceData(s.db, s.clock.now());
		expect(summary).toEqual({
			laender: 16,
			offices: 8,
			submarkets: 13,
			topics: 15,
			stages: 5,
			postcodes: 12869
		});
		expect(await seedReferenceData(s.db, s.clock.now())).toEqual({
			laender: 0,
			offices: 0,
			submarkets: 0,
			topics: 0,
			stages: 0,
			postcodes: 0
		});
	});
});
