// fflate unpacks the file to look at its styles; read-excel-file and write-excel-file both use it.
import { strFromU8, unzipSync } from 'fflate';
import readXlsx from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/messages';
import { SHEET_NAME_MAX, sheetName, tablesXlsx, wholeWords } from './export';
import { type StatTable, TABLE_IDS } from './tables';

describe('wholeWords', () => {
	it.each([
		['Kennzahlen', 31, 'Kennzahlen'],
		['Verweise nach Art der Anlaufstelle und Ergebnis', 31, 'Verweise nach Art der'],
		['Abschlüsse im Zeitraum nach Grund', 31, 'Abschlüsse im Zeitraum nach'],
		['exactly ten', 11, 'exactly ten'],
		['Donaudampfschifffahrtsgesellschaftskapitän', 10, 'Donaudampf']
	])('%s within %i → %s', (text, max, expected) => {
		expect(wholeWords(text, max)).toBe(expected);
	});
});

describe('sheetName', () => {
	it.each([
		[['Kennzahlen'], ['Kennzahlen']],
		[['A: B/C?'], ['A B C']],
		[
			['Themen', 'themen', 'Themen'],
			['Themen', 'themen 2', 'Themen 3']
		],
		[
			['Verweise nach Art der Anlaufstelle und Ergebnis', 'Verweise nach Art der Anlaufstelle'],
			['Verweise nach Art der', 'Verweise nach Art der 2']
		],
		[
			['Beratungen nach Regionalbüro xy', 'Beratungen nach Regionalbüro xy'],
			['Beratungen nach Regionalbüro xy', 'Beratungen nach Regionalbüro 2']
		],
		[
			['', '[]'],
			['Tabelle', 'Tabelle 2']
		]
	])('%j → %j', (titles, expected) => {
		const taken = new Set<string>();
		const names = titles.map((t) => sheetName(t, taken));
		expect(names).toEqual(expected);
		for (const n of names) expect(n.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
	});
});

describe('the catalogue’s sheet labels', () => {
	it.each(['de', 'en'] as const)('%s: one per table, whole and within 31 characters, unique', (locale) => {
		const names = TABLE_IDS.map((id) => translate(locale, `stats.sheet.${id}` as never));
		for (const n of names) {
			expect(n).not.toMatch(/^stats\.sheet\./);
			expect(n.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
			expect(n).not.toMatch(/[:\\/?*[\]]/);
		}
		expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
	});
});

describe('tablesXlsx', () => {
	const table = (id: StatTable['id'], title: string): StatTable => ({
		id,
		title,
		rowHeader: 'Art der Anlaufstelle',
		columns: ['Vermittelt', 'Ein sehr langer Spaltenkopf mit Text', 'Summe'],
		rows: [
			{ label: 'Förderbank', cells: [5, null, 5] },
			{ label: 'Summe', cells: [5, 0, 5], total: true }
		] as StatTable['rows'],
		kind: 'counts',
		rowTotal: true
	});

	it('names sheets by the short labels and gives the file one font, a bold frozen header and widths', async () => {
		const tables = [
			table('verweise', 'Verweise nach Art der Anlaufstelle und Ergebnis'),
			table('abschluesse', 'Abschlüsse im Zeitraum nach Grund')
		];
		const de = await readXlsx(await tablesXlsx(tables, 'de'));
		expect(de.map((s) => s.sheet)).toEqual(['Verweise', 'Abschlüsse']);
		expect(de[0]!.data[0]).toEqual([
			'Art der Anlaufstelle',
			'Vermittelt',
			'Ein sehr langer Spaltenkopf mit Text',
			'Summe'
		]);
		expect(de[0]!.data[1]).toEqual(['Förderbank', 5, null, 5]);
		const buffer = await tablesXlsx(tables, 'en');
		expect((await readXlsx(buffer)).map((s) => s.sheet)).toEqual(['Referrals', 'Closures']);

		const files = unzipSync(new Uint8Array(buffer));
		const styles = strFromU8(files['xl/styles.xml']!);
		expect(styles).toContain('Arial');
		expect(styles).toMatch(/<b\s*\/>/);
		const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
		// The header row stays in view while scrolling.
		expect(sheet).toMatch(/<pane[^>]*ySplit="1"/);
		// Label column wide; a long column heading widens its column.
		expect(sheet).toMatch(/<col [^>]*min="1" max="1" width="48"/);
		expect(sheet).toMatch(/<col [^>]*min="3" max="3" width="38"/);
		expect(sheet).toMatch(/<col [^>]*min="2" max="2" width="16"/);
	});
});
