import { describe, expect, it } from 'vitest';
import {
	applyPostcode,
	eventFilter,
	isFiltered,
	readEventListQuery,
	showsSprechtage
} from './event-list.server';

const OFFICES = ['hh-mv-sh', 'by'];
const SUBMARKETS = ['musik', 'design'];
const read = (search: string) =>
	readEventListQuery(new URL(`http://x/veranstaltungen?${search}`), OFFICES, SUBMARKETS);

describe('the events list reads its URL and ignores what it does not know', () => {
	it.each([
		['buero=by', { buero: 'by' }],
		['buero=nowhere', { buero: '' }],
		['land=DE-BY', { land: 'DE-BY' }],
		['land=XX', { land: '' }],
		['typ=workshop', { typ: 'workshop' }],
		['typ=party', { typ: '' }],
		['teilmarkt=design', { teilmarkt: 'design' }],
		['teilmarkt=kochen', { teilmarkt: '' }],
		['monat=2026-12', { monat: '2026-12' }],
		['monat=2026-13', { monat: '' }],
		['monat=26-12', { monat: '' }],
		['online=1', { online: true }],
		['online=yes', { online: false }],
		['q=%20%20Bühne%20', { q: 'Bühne' }]
	])('%s', (search, expected) => {
		expect(read(search)).toMatchObject(expected);
	});

	it('a filter sent empty still counts as filtered; the page number does not', () => {
		expect(isFiltered(new URL('http://x/veranstaltungen?land='))).toBe(true);
		expect(isFiltered(new URL('http://x/veranstaltungen?page=2'))).toBe(false);
	});

	it('empty filters mean "any" in the events query', () => {
		expect(eventFilter(read('typ=webinar&online=1'), 7)).toEqual({
			q: null,
			officeId: 7,
			land: null,
			type: 'webinar',
			submarket: null,
			month: null,
			onlineOnly: true
		});
	});
});

describe('a postcode decides the Land', () => {
	const url = new URL('http://x/veranstaltungen?plz=21039&land=DE-BY&typ=info');
	it.each([
		[
			'unique: its Land wins over the chosen one',
			{ kind: 'unique', plz: '23552', land: 'DE-SH' },
			'DE-SH',
			0
		],
		[
			'two Länder, none of them chosen: no Land, and both offered',
			{ kind: 'ambiguous', plz: '21039', laender: ['DE-HH', 'DE-SH'] },
			'',
			2
		],
		['not in the table: the chosen Land stays', { kind: 'none', plz: '99999' }, 'DE-BY', 0]
	] as const)('%s', (_, postcode, land, choices) => {
		const query = read('land=DE-BY');
		const view = applyPostcode(query, postcode as Parameters<typeof applyPostcode>[1], url);
		expect(query.land).toBe(land);
		expect(view.landChoices).toHaveLength(choices);
	});

	it('each offered Land is a link that keeps the other filters', () => {
		const view = applyPostcode(
			read(''),
			{ kind: 'ambiguous', plz: '21039', laender: ['DE-HH', 'DE-SH'] },
			url
		);
		expect(view.landChoices.map((c) => new URLSearchParams(c.search).get('land'))).toEqual([
			'DE-HH',
			'DE-SH'
		]);
		expect(new URLSearchParams(view.landChoices[0]!.search).get('typ')).toBe('info');
	});
});

describe('Sprechtage join the list unless a filter excludes them', () => {
	it.each([
		['', true],
		['typ=sprechtag', true],
		['typ=workshop', false],
		['online=1', false],
		['teilmarkt=musik', false],
		['q=Beratung', false],
		['land=DE-HH&monat=2026-12', true]
	])('%s → %s', (search, shown) => {
		expect(showsSprechtage(read(search))).toBe(shown);
	});
});
