import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { entryKeyProblems, type OfficeCandidate, officeProblems } from './checks';
import { getOfficeByKey } from './queries';
import { closeServicesAfterEach } from '../../../../tests/support/services-per-test';

/** Issue 16: the reference forms' database rules, also on a form that is only partly valid. */
let s: TestServices;
closeServicesAfterEach();

const NI = 'Regionalbüro Niedersachsen und Bremen';

describe('officeProblems', () => {
	it.each<[string, OfficeCandidate, unknown[]]>([
		[
			'a new key and a free Land',
			{ id: null, key: 'zentrale', active: true, validFrom: null, validTo: null, laender: [] },
			[]
		],
		['a used key', { id: null, key: 'nw' }, [{ field: 'key', message: 'reference.error.officeKeyTaken' }]],
		[
			'a used key and a covered Land, both at once',
			{ id: null, key: 'nw', active: true, validFrom: null, validTo: null, laender: ['DE-NI'] },
			[
				{ field: 'key', message: 'reference.error.officeKeyTaken' },
				{ field: 'laender', message: 'reference.error.landTaken', params: { land: 'DE-NI', office: NI } }
			]
		],
		[
			'a covered Land without a key (the key failed its schema)',
			{ id: null, active: true, validFrom: null, validTo: null, laender: ['DE-NI'] },
			[{ field: 'laender', message: 'reference.error.landTaken', params: { land: 'DE-NI', office: NI } }]
		],
		[
			'a covered Land, inactive',
			{ id: null, active: false, validFrom: null, validTo: null, laender: ['DE-NI'] },
			[]
		],
		[
			'a covered Land, the validity unknown (a date failed)',
			{ id: null, active: true, validTo: null, laender: ['DE-NI'] },
			[]
		],
		[
			'a Land not in the list',
			{ id: null, active: true, validFrom: null, validTo: null, laender: ['DE-XX'] },
			[{ field: 'laender', message: 'reference.error.landUnknown', params: { land: 'DE-XX' } }]
		]
	])('%s', async (_, candidate, expected) => {
		s = await testServices();
		expect(await officeProblems(s.db, candidate)).toEqual(expected);
	});

	it('an office keeps its own Länder and its key is not asked about', async () => {
		s = await testServices();
		const ni = await getOfficeByKey(s.db, 'ni-hb');
		const own = {
			id: ni!.id,
			key: 'ni-hb',
			active: true,
			validFrom: null,
			validTo: null,
			laender: ni!.laender
		};
		expect(await officeProblems(s.db, own)).toEqual([]);
	});
});

describe('entryKeyProblems', () => {
	it('refuses a key its kind already has, not one of another kind', async () => {
		s = await testServices();
		const topic = await s.db.selectFrom('topic').select('key').executeTakeFirstOrThrow();
		expect(await entryKeyProblems(s.db, 'topic', topic.key)).toEqual([
			{ field: 'key', message: 'reference.error.entryKeyTaken' }
		]);
		expect(await entryKeyProblems(s.db, 'topic', 'ganz_neu')).toEqual([]);
	});
});
