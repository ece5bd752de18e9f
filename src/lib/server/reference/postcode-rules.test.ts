import { describe, expect, it } from 'vitest';
import {
	decideLand,
	type FinderDecision,
	type PostcodeMatch,
	readPostcode,
	suggestLand
} from './postcode-rules';

const LAENDER = ['DE-BW', 'DE-BY', 'DE-HH', 'DE-SH', 'DE-SN'];
const table: Record<string, PostcodeMatch[]> = {
	'01067': [{ land: 'DE-SN', places: ['Dresden'], sources: ['builtin'] }],
	'21039': [
		{ land: 'DE-HH', places: ['Hamburg'], sources: ['builtin'] },
		{ land: 'DE-SH', places: ['Börnsen'], sources: ['builtin'] }
	],
	'89081': [
		{ land: 'DE-BW', places: ['Ulm'], sources: ['builtin'] },
		{ land: 'DE-BY', places: ['Elchingen'], sources: ['osm'] }
	]
};

function decide(
	plz: string | null,
	land: string | null,
	extra: { submitted?: boolean; choosing?: boolean } = {}
) {
	const postcode = readPostcode(plz);
	const matches = postcode.kind === 'ok' ? (table[postcode.plz] ?? []) : [];
	return decideLand(
		{ submitted: extra.submitted ?? true, postcode, land, choosing: extra.choosing },
		matches,
		LAENDER
	);
}

describe('readPostcode', () => {
	it.each([
		['', { kind: 'empty' }],
		['   ', { kind: 'empty' }],
		['01067', { kind: 'ok', plz: '01067' }],
		[' 21039 ', { kind: 'ok', plz: '21039' }],
		// What people type (issue 11): a lost leading zero, spaces, the old country prefix.
		['1067', { kind: 'ok', plz: '01067' }],
		[' 1067 ', { kind: 'ok', plz: '01067' }],
		['01 067', { kind: 'ok', plz: '01067' }],
		['23 552', { kind: 'ok', plz: '23552' }],
		['D-21039', { kind: 'ok', plz: '21039' }],
		['D 21039', { kind: 'ok', plz: '21039' }],
		['d-1067', { kind: 'ok', plz: '01067' }],
		['D21039', { kind: 'ok', plz: '21039' }],
		['DE-20457', { kind: 'ok', plz: '20457' }],
		['D – 20457', { kind: 'ok', plz: '20457' }],
		['210399', { kind: 'malformed', raw: '210399' }],
		['2103a', { kind: 'malformed', raw: '2103a' }],
		['123', { kind: 'malformed', raw: '123' }],
		['00000', { kind: 'malformed', raw: '00000' }],
		['0000', { kind: 'malformed', raw: '0000' }],
		['D-', { kind: 'malformed', raw: 'D-' }],
		['A-1010', { kind: 'malformed', raw: 'A-1010' }],
		['21039 Hamburg', { kind: 'malformed', raw: '21039 Hamburg' }],
		['-21039', { kind: 'malformed', raw: '-21039' }]
	])('%j -> %j', (raw, expected) => {
		expect(readPostcode(raw)).toEqual(expected);
	});
});

describe('suggestLand', () => {
	it('none, unique, ambiguous (sorted, distinct)', () => {
		expect(suggestLand([])).toEqual({ kind: 'none' });
		expect(suggestLand(table['01067']!)).toEqual({ kind: 'unique', land: 'DE-SN' });
		expect(suggestLand([...table['21039']!].reverse())).toEqual({
			kind: 'ambiguous',
			laender: ['DE-HH', 'DE-SH']
		});
	});
});

describe('decideLand', () => {
	const cases: [
		string,
		string | null,
		string | null,
		{ submitted?: boolean; choosing?: boolean },
		FinderDecision
	][] = [
		['first visit', null, null, { submitted: false }, { kind: 'initial' }],
		[
			'postcode in one Land: that Land, from the postcode',
			'01067',
			null,
			{},
			{ kind: 'result', land: 'DE-SN', via: 'postcode', postcodeElsewhere: [] }
		],
		[
			'postcode in two Länder: ask between exactly those',
			'21039',
			null,
			{},
			{ kind: 'choose', plz: '21039', laender: ['DE-HH', 'DE-SH'], error: null }
		],
		[
			'Ulm/Elchingen: ask between BW and BY',
			'89081',
			'',
			{},
			{ kind: 'choose', plz: '89081', laender: ['DE-BW', 'DE-BY'], error: null }
		],
		[
			'answered the question without choosing',
			'21039',
			null,
			{ choosing: true },
			{ kind: 'choose', plz: '21039', laender: ['DE-HH', 'DE-SH'], error: 'landRequired' }
		],
		[
			'two Länder, one chosen',
			'21039',
			'DE-SH',
			{},
			{ kind: 'result', land: 'DE-SH', via: 'choice', postcodeElsewhere: [] }
		],
		['unknown postcode: ask for the Land', '12345', null, {}, { kind: 'unknown', plz: '12345' }],
		[
			'unknown postcode with a Land: the Land',
			'12345',
			'DE-BY',
			{},
			{ kind: 'result', land: 'DE-BY', via: 'choice', postcodeElsewhere: [] }
		],
		['malformed postcode', '210', null, {}, { kind: 'invalid', errors: { plz: 'plzFormat' } }],
		['four digits: a lost leading zero, read as 0XXXX', '2103', null, {}, { kind: 'unknown', plz: '02103' }],
		[
			'malformed postcode, even with a Land',
			'abcde',
			'DE-HH',
			{},
			{ kind: 'invalid', errors: { plz: 'plzFormat' } }
		],
		['nothing given', '', '', {}, { kind: 'invalid', errors: { land: 'landRequired' } }],
		['a Land that does not exist', null, 'DE-XX', {}, { kind: 'invalid', errors: { land: 'landInvalid' } }],
		[
			'only a Land',
			null,
			'DE-BW',
			{},
			{ kind: 'result', land: 'DE-BW', via: 'choice', postcodeElsewhere: [] }
		],
		[
			'the chosen Land wins over the postcode, with a note',
			'01067',
			'DE-BY',
			{},
			{ kind: 'result', land: 'DE-BY', via: 'choice', postcodeElsewhere: ['DE-SN'] }
		]
	];
	it.each(cases)('%s', (_name, plz, land, extra, expected) => {
		expect(decide(plz, land, extra)).toEqual(expected);
	});
});
