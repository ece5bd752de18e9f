import { describe, expect, it } from 'vitest';
import { allKeys } from '../../i18n/messages';
import { referenceData } from './seed-data';

// Domain code speaks in catalogue keys; a key without text would show up raw on a page.
const keys = [
	...referenceData.laender.map((l) => `reference.land.${l.iso}`),
	...['plzFormat', 'landRequired', 'landInvalid'].map((c) => `reference.finder.error.${c}`),
	...[
		'officeKey',
		'entryKey',
		'postcode',
		'phone',
		'date',
		'dateOrder',
		'landTaken',
		'officeKeyTaken',
		'entryKeyTaken',
		'landUnknown'
	].map((c) => `reference.error.${c}`),
	...['submarket', 'topic', 'stage'].flatMap((k) => [
		`reference.entries.${k}.title`,
		`reference.entries.${k}.lead`
	]),
	...['kultur', 'kreativ', 'sonstige'].map((g) => `reference.group.${g}`),
	'reference.role.office_lead',
	'reference.role.consultant',
	'reference.postcodes.source.builtin',
	'reference.postcodes.source.osm'
];

describe('reference texts', () => {
	it.each(['de', 'en'] as const)('every key the domain emits has %s text', (locale) => {
		const known = new Set(allKeys(locale));
		expect(keys.filter((k) => !known.has(k))).toEqual([]);
	});

	it('names the Länder in English where English has its own name', async () => {
		const { translate } = await import('../../i18n/messages');
		expect(translate('en', 'reference.land.DE-BY')).toBe('Bavaria');
		expect(translate('de', 'reference.land.DE-BY')).toBe('Bayern');
		expect(translate('de', 'reference.error.landTaken', { land: 'Hamburg', office: 'X' })).toContain(
			'Hamburg'
		);
	});
});
