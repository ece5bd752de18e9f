import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { mintScope } from '../access/scope';
import {
	activeChoices,
	countAmbiguousPostcodes,
	findOffice,
	getOfficeById,
	getOfficeByKey,
	listEntries,
	listOffices,
	lookupPostcode,
	officesForLand,
	officeTeam,
	postcodeCounts
} from './queries';
import { closeServicesAfterEach } from '../../../../tests/support/services-per-test';

let s: TestServices;
closeServicesAfterEach();

describe('offices', () => {
	it('finds offices by key and id, and the office responsible for a Land', async () => {
		s = await testServices();
		const nw = (await getOfficeByKey(s.db, 'nw'))!;
		expect(await getOfficeById(s.db, nw.id)).toEqual(nw);
		expect(await getOfficeByKey(s.db, 'nope')).toBeNull();
		expect(await getOfficeById(s.db, -1)).toBeNull();
		expect((await officesForLand(s.db, 'DE-HB', s.clock.now())).map((o) => o.key)).toEqual(['ni-hb']);
	});

	it('only offices in service on the Berlin date count as responsible', async () => {
		s = await testServices({ now: '2026-12-31T23:30:00Z' }); // already 2027-01-01 in Berlin
		await s.db.updateTable('office').set({ valid_to: '2026-12-31' }).where('key', '=', 'bw').execute();
		await s.db.updateTable('office').set({ active: 0 }).where('key', '=', 'by').execute();
		expect(await officesForLand(s.db, 'DE-BW', s.clock.now())).toEqual([]);
		expect(await officesForLand(s.db, 'DE-BY', s.clock.now())).toEqual([]);
		expect(await officesForLand(s.db, 'DE-BW', new Date('2026-12-31T12:00:00Z'))).toHaveLength(1);
		expect((await listOffices(s.db, { activeOnly: true })).map((o) => o.key)).not.toContain('by');
		expect(await listOffices(s.db)).toHaveLength(8);
	});

	it('lists an office team (not disabled, leads first) only within the scope', async () => {
		s = await testServices();
		const nw = (await getOfficeByKey(s.db, 'nw'))!;
		const by = (await getOfficeByKey(s.db, 'by'))!;
		const t = s.clock.now().getTime();
		const user = async (name: string, disabled = false) => {
			const row = await s.db
				.insertInto('staff_user')
				.values({
					email: `${name.toLowerCase()}@example.org`,
					name,
					password_hash: null,
					is_network_admin: 0,
					totp_secret: null,
					totp_enabled_at: null,
					totp_last_step: null,
					locale: 'de',
					disabled_at: disabled ? t : null,
					created_at: t,
					updated_at: t
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			return Number(row.id);
		};
		const zoe = await user('Zoe');
		const anna = await user('Anna');
		const lea = await user('Lea');
		const gone = await user('Gone', true);
		await s.db
			.insertInto('staff_membership')
			.values([
				{ user_id: zoe, office_id: nw.id, role: 'consultant' },
				{ user_id: anna, office_id: nw.id, role: 'consultant' },
				{ user_id: lea, office_id: nw.id, role: 'office_lead' },
				{ user_id: gone, office_id: nw.id, role: 'consultant' },
				{ user_id: zoe, office_id: by.id, role: 'office_lead' }
			])
			.execute();
		const team = await officeTeam(s.db, mintScope(false, [nw.id]), nw.id);
		expect(team.map((m) => [m.name, m.role])).toEqual([
			['Lea', 'office_lead'],
			['Anna', 'consultant'],
			['Zoe', 'consultant']
		]);
		expect(await officeTeam(s.db, mintScope(true, []), nw.id)).toHaveLength(3);
		expect(await officeTeam(s.db, mintScope(false, [by.id]), nw.id)).toEqual([]);
	});
});

describe('reference entries', () => {
	it('picks the name by locale and filters inactive entries on request', async () => {
		s = await testServices();
		const de = await listEntries(s.db, 'submarket', 'de');
		const en = await listEntries(s.db, 'submarket', 'en');
		expect(de.find((e) => e.key === 'software_games')!.name).toBe('Software-/Games-Industrie');
		expect(en.find((e) => e.key === 'software_games')!.name).toBe('Software and games industry');
		expect(
			(await listEntries(s.db, 'submarket', 'de', { activeOnly: true })).map((e) => e.key)
		).not.toContain('kunsthandwerk');
		const topics = await listEntries(s.db, 'topic', 'en');
		expect(topics[0]).toEqual({
			kind: 'topic',
			key: 'geschaeftsidee',
			name: 'Test the business idea and model',
			nameDe: 'Geschäftsidee und Geschäftsmodell prüfen',
			nameEn: 'Test the business idea and model',
			active: true,
			sort: 0,
			group: null,
			optional: false
		});
	});
});

describe('postcodes', () => {
	it('returns the distinct Länder of a postcode with places and sources', async () => {
		s = await testServices();
		expect(await lookupPostcode(s.db, '21039')).toEqual([
			{ land: 'DE-HH', places: ['Hamburg'], sources: ['osm'] },
			{ land: 'DE-SH', places: ['Börnsen', 'Escheburg', 'Kröppelshagen-Fahrendorf'], sources: ['osm'] }
		]);
		expect(await lookupPostcode(s.db, '01067')).toEqual([
			{ land: 'DE-SN', places: ['Dresden'], sources: ['osm'] }
		]);
		expect(await lookupPostcode(s.db, '12345')).toEqual([]);
		expect(await lookupPostcode(s.db, "1' or 1=1")).toEqual([]);
		// The shipped table (issue 11): every German postcode, 17 of them in two Länder.
		expect(await countAmbiguousPostcodes(s.db)).toBe(17);
		expect(await postcodeCounts(s.db)).toEqual([{ source: 'osm', rows: 12869, postcodes: 8170 }]);
	});
});

describe('findOffice', () => {
	it('runs the whole finder: unique, ambiguous, unknown, invalid, no office', async () => {
		s = await testServices();
		const now = s.clock.now();
		const unique = await findOffice(s.db, { submitted: true, plz: '01067', land: null }, now);
		expect(unique.decision).toEqual({
			kind: 'result',
			land: 'DE-SN',
			via: 'postcode',
			postcodeElsewhere: []
		});
		expect(unique.offices.map((o) => o.key)).toEqual(['sn-st-th']);
		expect(unique.osm).toBe(true);
		expect(unique.plz).toBe('01067');

		// What people type reaches the same office.
		for (const typed of ['1067', 'D-01067', 'D 1067', '01 067']) {
			const r = await findOffice(s.db, { submitted: true, plz: typed, land: null }, now);
			expect(r.plz).toBe('01067');
			expect(r.offices.map((o) => o.key)).toEqual(['sn-st-th']);
		}
		const luebeck = await findOffice(s.db, { submitted: true, plz: '23552', land: null }, now);
		expect(luebeck.offices.map((o) => o.key)).toEqual(['hh-mv-sh']);
		expect(unique.laender).toHaveLength(16);

		const two = await findOffice(s.db, { submitted: true, plz: '89081', land: '' }, now);
		expect(two.decision).toEqual({ kind: 'choose', plz: '89081', laender: ['DE-BW', 'DE-BY'], error: null });
		expect(two.offices).toEqual([]);

		const chosen = await findOffice(s.db, { submitted: true, plz: '89081', land: 'DE-BY' }, now);
		expect(chosen.offices.map((o) => o.key)).toEqual(['by']);

		expect((await findOffice(s.db, { submitted: true, plz: '12345', land: null }, now)).decision.kind).toBe(
			'unknown'
		);
		expect((await findOffice(s.db, { submitted: true, plz: '123', land: null }, now)).decision).toEqual({
			kind: 'invalid',
			errors: { plz: 'plzFormat' }
		});
		expect((await findOffice(s.db, { submitted: false, plz: null, land: null }, now)).decision.kind).toBe(
			'initial'
		);

		await s.db.updateTable('office').set({ active: 0 }).where('key', '=', 'by').execute();
		const none = await findOffice(s.db, { submitted: true, plz: null, land: 'DE-BY' }, now);
		expect(none.decision.kind).toBe('result');
		expect(none.offices).toEqual([]);
	});

	it('flags OpenStreetMap data when an imported postcode shaped the answer', async () => {
		s = await testServices();
		const r = await findOffice(s.db, { submitted: true, plz: '72119', land: null }, s.clock.now());
		expect(r.decision).toMatchObject({ kind: 'result', land: 'DE-BW', via: 'postcode' });
		expect(r.osm).toBe(true);
		expect(r.matches).toEqual([{ land: 'DE-BW', places: ['Ammerbuch'], sources: ['osm'] }]);
	});
});

describe('activeChoices', () => {
	it('offers the active sub-markets and topics in the reader’s language, key and name only', async () => {
		s = await testServices();
		const all = await activeChoices(s.db, 'en');
		const topic = all.topics[0]!;
		expect(Object.keys(topic).sort()).toEqual(['key', 'name']);
		expect(all.submarkets.map((m) => m.key)).toContain('design');
		const en = (await listEntries(s.db, 'topic', 'en')).find((e) => e.key === topic.key)!;
		expect(topic.name).toBe(en.nameEn);

		await s.db.updateTable('topic').set({ active: 0 }).where('key', '=', topic.key).execute();
		await s.db.updateTable('submarket').set({ active: 0 }).where('key', '=', 'design').execute();
		const after = await activeChoices(s.db, 'de');
		expect(after.topics.map((e) => e.key)).not.toContain(topic.key);
		expect(after.submarkets.map((e) => e.key)).not.toContain('design');
		expect(after.topics).toHaveLength(all.topics.length - 1);
	});
});
