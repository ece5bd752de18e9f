import { describe, expect, it } from 'vitest';
import { DEFAULT_SENSITIVE_KEYWORDS } from '../reference/sensitive-keyword-defaults';
import {
	findSensitive,
	ibanValid,
	type SensitiveKind,
	socialInsuranceCheckDigit,
	taxIdCheckDigit,
	taxIdValid
} from './sensitive-text';

// Issue 13, part 5: what warns and what must not. Each row: text → the kinds found (with the match).
const rows: { text: string; expected: [SensitiveKind, string][] }[] = [
	// Social insurance number (Rentenversicherungsnummer), by format.
	{ text: 'Meine SV-Nummer ist 12 150385 M 023.', expected: [['social_insurance', '12 150385 M 023']] },
	{ text: 'SVNR 12150385M023', expected: [['social_insurance', '12150385M023']] },
	{ text: '65 170839 J 003 (Rentenversicherung)', expected: [['social_insurance', '65 170839 J 003']] },
	{ text: 'klein geschrieben: 65170839j003', expected: [['social_insurance', '65170839j003']] },
	{ text: 'Kein Datum: 12 153385 M 023', expected: [] },
	{ text: 'Produktcode AB12150385M023X', expected: [] },
	// IBAN, any country, with the mod-97 check.
	{ text: 'Konto: DE89 3704 0044 0532 0130 00 danke', expected: [['iban', 'DE89 3704 0044 0532 0130 00']] },
	{ text: 'de89370400440532013000', expected: [['iban', 'de89370400440532013000']] },
	{ text: 'GB82 WEST 1234 5698 7654 32', expected: [['iban', 'GB82 WEST 1234 5698 7654 32']] },
	{ text: 'AT61 1904 3002 3457 3201', expected: [['iban', 'AT61 1904 3002 3457 3201']] },
	{ text: 'Tippfehler DE89 3704 0044 0532 0130 01', expected: [] },
	// Steuer-ID: 11 digits, digit rule, ISO 7064 MOD 11,10.
	{ text: 'Steuer-ID 86095742719', expected: [['tax_id', '86095742719']] },
	{ text: 'Steuer-ID 47 036 892 816', expected: [['tax_id', '47 036 892 816']] },
	{ text: 'Steuer-ID 86095742718 (falsche Prüfziffer)', expected: [] },
	{ text: 'Führende Null 06095742719', expected: [] },
	// What must not warn: phone numbers, postcodes, dates, amounts, ordinary words.
	{ text: 'Rufen Sie mich an: 0171 2345678 oder +49 30 12345678', expected: [] },
	{ text: 'Tel. 12345678901', expected: [] },
	{ text: 'Ich wohne in 10115 Berlin, Musterstraße 12', expected: [] },
	{ text: 'Am 15.03.1985 geboren, Termin am 2026-03-29 um 14:30', expected: [] },
	{ text: 'Umsatz 2025: 48.500,00 €, Rechnung Nr. 2025-0042', expected: [] },
	{ text: 'Ich brauche Hilfe mit der Künstlersozialkasse und der Krankenversicherung.', expected: [] },
	{ text: 'Mein Label sucht einen Vertrieb für Vinyl.', expected: [] },
	{ text: 'Er ist suchtkrank.', expected: [['health_keyword', 'suchtkrank*']] },
	// Keywords: word boundaries, case, umlauts, prefix with *.
	{ text: 'Seit der Diagnose kann ich kaum arbeiten.', expected: [['health_keyword', 'Diagnose']] },
	{ text: 'Ich hatte DEPRESSIONEN.', expected: [['health_keyword', 'Depressi*']] },
	{ text: 'Eine Angststoerung macht Auftritte schwer.', expected: [['health_keyword', 'Angststörung']] },
	{ text: 'Ich bin schwanger und plane die Elternzeit.', expected: [['health_keyword', 'schwanger']] },
	{ text: 'Die Krebsgang-Choreografie (Tanztheater)', expected: [] },
	{ text: 'Mein Stück heißt Therapiesitzung', expected: [] },
	{ text: 'Sexuelle   Orientierung als Thema', expected: [['health_keyword', 'sexuelle Orientierung']] }
];

describe('findSensitive', () => {
	it.each(rows)('$text', ({ text, expected }) => {
		expect(findSensitive(text, DEFAULT_SENSITIVE_KEYWORDS).map((f) => [f.kind, f.match])).toEqual(expected);
	});

	it('uses only the keyword list it is given', () => {
		expect(findSensitive('Seit der Diagnose', [])).toEqual([]);
		expect(findSensitive('Mein Glaube', ['Glaube'])).toEqual([{ kind: 'health_keyword', match: 'Glaube' }]);
		expect(findSensitive('Meine Ärztin', ['Aerztin'])).toHaveLength(1);
		expect(findSensitive('Meine Aerztin', ['Ärztin'])).toHaveLength(1);
	});
});

describe('check digits', () => {
	it('social insurance: 65 170839 J 003 validates, the issue example does not (so format decides)', () => {
		expect(socialInsuranceCheckDigit('65170839J003')).toBe(3);
		expect(socialInsuranceCheckDigit('12150385M023')).toBe(5);
		expect(socialInsuranceCheckDigit('1215038M023')).toBeNull();
	});
	it.each([
		['DE89370400440532013000', true],
		['GB82WEST12345698765432', true],
		['NO9386011117947', true],
		['DE89370400440532013001', false],
		['DE8937040044', false]
	])('IBAN %s → %s', (iban, valid) => {
		expect(ibanValid(iban)).toBe(valid);
	});
	it.each([
		['86095742719', true],
		['47036892816', true],
		['65929970489', true],
		['12345678903', false], // check digit fits, but no digit repeats
		['11145678903', false], // three in a row
		['86095742710', false]
	])('Steuer-ID %s → %s', (id, valid) => {
		expect(taxIdValid(id)).toBe(valid);
	});
	it('MOD 11,10 check digit', () => {
		expect(taxIdCheckDigit('8609574271')).toBe(9);
		expect(taxIdCheckDigit('1234567890')).toBe(3);
	});
});
