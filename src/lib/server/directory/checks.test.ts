import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { type ContactPointCandidate, contactPointProblems } from './checks';
import { seedDirectory } from './seed';
import { closeServicesAfterEach } from '../../../../tests/support/services-per-test';

/** Issue 16: the contact-point form's database rules, also on a form that is only partly valid. */
let s: TestServices;
closeServicesAfterEach();

const keyTaken = { field: 'key', message: 'directory.error.keyTaken' };

describe('contactPointProblems', () => {
	it.each<[string, ContactPointCandidate, unknown[]]>([
		['a new key and known terms', { key: 'ganz-neu', topics: ['marketing'], submarkets: [] }, []],
		['nothing to ask (every field failed)', {}, []],
		['a used key', { key: 'ksk' }, [keyTaken]],
		[
			'a used key and an unknown topic and sub-market, all at once',
			{ key: 'ksk', topics: ['erfunden'], submarkets: ['auch_erfunden'] },
			[
				keyTaken,
				{ field: 'topics', message: 'directory.error.termUnknown', params: { key: 'erfunden' } },
				{ field: 'submarkets', message: 'directory.error.termUnknown', params: { key: 'auch_erfunden' } }
			]
		]
	])('%s', async (_, candidate, expected) => {
		s = await testServices();
		await seedDirectory(s.db, s.clock.now());
		expect(await contactPointProblems(s.db, candidate)).toEqual(expected);
	});
});
