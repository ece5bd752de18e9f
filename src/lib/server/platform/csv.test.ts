import { describe, expect, it } from 'vitest';
import { neutraliseFormula, readCsvRecords, readCsvRows, UnreadableCsv, writeCsv } from './csv';

describe('writeCsv', () => {
	it.each([
		['=SUM(A1)', "'=SUM(A1)"],
		['+49 30 123', "'+49 30 123"],
		['-1', "'-1"],
		['@cmd', "'@cmd"],
		['\t=x', "'\t=x"],
		['\r=x', "'\r=x"],
		['Anna', 'Anna'],
		['a=b', 'a=b']
	])('guards a spreadsheet formula: %j -> %j', (text, expected) => {
		expect(neutraliseFormula(text)).toBe(expected);
	});

	it('quotes every field when asked, with a byte order mark and CRLF lines', () => {
		expect(
			writeCsv(
				[
					['Name', 'Frage'],
					['=x', 'sagt "ja"'],
					['', 'a;b']
				],
				{ separator: ';', quote: 'always' }
			)
		).toBe('\uFEFF"Name";"Frage"\r\n"\'=x";"sagt ""ja"""\r\n"";"a;b"\r\n');
	});

	it('quotes only where needed; numbers take a decimal comma with semicolons (then quoted) and are never guarded', () => {
		const rows = [
			['Büro', 'Anteil'],
			['-Nord', 0.5],
			['a,b', null],
			['x', -2]
		];
		expect(writeCsv(rows, { separator: ';', quote: 'when-needed' })).toBe(
			'\uFEFFBüro;Anteil\r\n\'-Nord;"0,5"\r\n"a,b";\r\nx;-2\r\n'
		);
		expect(writeCsv(rows, { separator: ',', quote: 'when-needed' })).toBe(
			'\uFEFFBüro,Anteil\r\n\'-Nord,0.5\r\n"a,b",\r\nx,-2\r\n'
		);
	});
});

describe('readCsvRows', () => {
	it('reads quotes, line breaks inside quotes, a BOM and blank lines, keeping the line each record starts on', () => {
		const text = '\uFEFFa,b\r\n1,"x\r\ny"\r\n\r\n"q""r",4\n5,"m\nn\no"\n6';
		expect(readCsvRows(text)).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['1', 'x\r\ny'] },
			{ line: 5, fields: ['q"r', '4'] },
			{ line: 6, fields: ['5', 'm\nn\no'] },
			{ line: 9, fields: ['6'] }
		]);
	});

	it('keeps a stray quote inside a field as text and allows rows of other lengths', () => {
		expect(readCsvRows('a;b\nab"c;d;e\n', ';').map((r) => r.fields)).toEqual([
			['a', 'b'],
			['ab"c', 'd', 'e']
		]);
	});

	it('names the line of a record whose quote never closes', () => {
		const read = () => readCsvRows('a,b\n1,2\n\n3,"open\nmore');
		expect(read).toThrow(UnreadableCsv);
		expect(() => read()).toThrow(expect.objectContaining({ line: 4 }));
	});

	it('reads records keyed by the trimmed header', () => {
		expect(readCsvRecords(' iso , name\nDE-BE, Berlin \nDE-HH')).toEqual([
			{ iso: 'DE-BE', name: 'Berlin' },
			{ iso: 'DE-HH', name: '' }
		]);
	});
});
