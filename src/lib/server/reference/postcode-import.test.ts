import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { lookupPostcode, postcodeCounts } from './queries';
import { importPostcodes, normaliseAgs, normalisePlz } from './postcode-import';
import { closeServicesAfterEach } from '../../../../tests/support/services-per-test';
import { auditRowsOf } from '../../../../tests/support/audit-rows';

let s: TestServices;
closeServicesAfterEach();

describe('normalising spreadsheet damage', () => {
	it.each([
		['1067', '01067'],
		['01067', '01067'],
		['99084', '99084'],
		['0', null],
		['123456', null],
		['12a45', null],
		['', null]
	])('plz %j -> %j', (raw, expected) => expect(normalisePlz(raw)).toBe(expected));

	it.each([
		['8415088', '08415088'],
		['08415088', '08415088'],
		['11000000', '11000000'],
		['2000000', '02000000'],
		['1', '01'],
		['14', '14'],
		['8111', '08111'],
		['x1', null],
		['', null]
	])('ags %j -> %j', (raw, expected) => expect(normaliseAgs(raw)).toBe(expected));
});

// A generated sample in the zuordnung_plz_ort.csv layout, with the usual damage.
const SAMPLE = [
	'osm_id,ags,ort,plz,landkreis,bundesland',
	'1104550,08415088,Ammerbuch,72119,Landkreis Tübingen,Baden-Württemberg',
	// leading zeros lost in both ags and plz (Dresden, Sachsen 14):
	'62422,14612000,Dresden,1069,,Sachsen',
	'62423,9162000,München,80333,,Bayern',
	// the same row twice: imported once
	'62423,9162000,München,80333,,Bayern',
	// already in the built-in table: skipped
	'1,2000000,Hamburg,21039,,Hamburg',
	// a new postcode in two Länder (a made-up pair for the test)
	'2,1062009,"Barsbüttel, Willinghusen",22885,Stormarn,Schleswig-Holstein',
	'3,2000000,Hamburg,22885,,Hamburg',
	// bad rows
	'4,08415088,Nirgendwo,7211x,,Baden-Württemberg',
	'5,99000000,Atlantis,12345,,',
	// no ags, but the bundesland names the Land
	'6,,Potsdam,14467,,Brandenburg',
	''
].join('\n');

describe('importPostcodes', () => {
	it('pads zeros, maps ags to the Land, dedupes, counts two-Land postcodes and reports bad rows', async () => {
		s = await testServices();
		// Start from a small known table instead of the shipped one, so every count below is visible here.
		await s.db.deleteFrom('postcode').execute();
		await s.db
			.insertInto('postcode')
			.values([
				{ plz: '21039', land_iso: 'DE-HH', place: 'Hamburg', source: 'builtin' },
				{ plz: '21039', land_iso: 'DE-SH', place: 'Börnsen', source: 'builtin' },
				{ plz: '14467', land_iso: 'DE-BB', place: 'Potsdam', source: 'builtin' }
			])
			.execute();
		const progress: [number, number][] = [];
		const result = await importPostcodes(s.db, SAMPLE, {
			now: s.clock.now(),
			batchSize: 3,
			onProgress: (done, total) => progress.push([done, total])
		});
		expect(result).toEqual({
			rows: 10,
			inserted: 5,
			skipped: 3,
			ambiguous: 2,
			errors: [
				{ line: 9, reason: "plz is not a postcode: '7211x'" },
				{ line: 10, reason: "no Land for ags '99000000'" }
			]
		});
		expect(progress).toEqual([
			[3, 10],
			[6, 10],
			[9, 10],
			[10, 10]
		]);
		expect(await lookupPostcode(s.db, '01069')).toEqual([
			{ land: 'DE-SN', places: ['Dresden'], sources: ['osm'] }
		]);
		expect(await lookupPostcode(s.db, '22885')).toEqual([
			{ land: 'DE-HH', places: ['Hamburg'], sources: ['osm'] },
			{ land: 'DE-SH', places: ['Barsbüttel, Willinghusen'], sources: ['osm'] }
		]);
		// Potsdam 14467 is stored already: the bundesland fallback found DE-BB, the row was a duplicate.
		expect(await lookupPostcode(s.db, '14467')).toEqual([
			{ land: 'DE-BB', places: ['Potsdam'], sources: ['builtin'] }
		]);
		expect(await postcodeCounts(s.db)).toEqual([
			{ source: 'builtin', rows: 3, postcodes: 2 },
			{ source: 'osm', rows: 5, postcodes: 4 }
		]);
		const audit = await auditRowsOf(s.db, 'reference.postcodes.imported');
		expect(audit).toHaveLength(1);
		expect(audit[0]!.actor_kind).toBe('system');
		expect(JSON.parse(audit[0]!.data)).toEqual({
			rows: 10,
			inserted: 5,
			skipped: 3,
			errors: 2,
			ambiguous: 2
		});
	});

	it('is harmless to run twice, on top of the shipped table', async () => {
		s = await testServices();
		// The shipped table holds every real row of the sample; only the made-up pair for 22885 is new.
		const first = await importPostcodes(s.db, SAMPLE, { now: s.clock.now() });
		expect(first).toMatchObject({ rows: 10, inserted: 2, skipped: 6, ambiguous: 18 });
		const again = await importPostcodes(s.db, SAMPLE, { now: s.clock.now() });
		expect(again).toMatchObject({ rows: 10, inserted: 0, skipped: 8, ambiguous: 18 });
	});

	it('refuses a file without the expected header', async () => {
		s = await testServices();
		const result = await importPostcodes(s.db, 'plz;ort\n01067;Dresden\n', { now: s.clock.now() });
		expect(result.inserted).toBe(0);
		expect(result.errors).toEqual([{ line: 1, reason: expect.stringContaining('ags, ort and plz') }]);
	});

	it('handles quoted fields with line breaks and a BOM, keeping line numbers right', async () => {
		s = await testServices();
		const text =
			'\ufeffosm_id,ags,ort,plz,landkreis,bundesland\r\n1,"05",Bochum,44787,"Kreis\r\nmit Umbruch",x\r\n2,05,Bochum,abc,,\r\n';
		const result = await importPostcodes(s.db, text, { now: s.clock.now() });
		expect(result).toMatchObject({ rows: 2, inserted: 0, skipped: 1, errors: [{ line: 4 }] });
	});
});
