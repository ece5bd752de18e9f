import { foldGerman } from '../platform/fold-german';

/**
 * Issue 13, part 5: what in a free text would harm its writer if we stored it. Pure: text in,
 * findings out; the office's keyword list comes in as an argument (privacy/sensitive-keywords.ts
 * reads it). A finding's `match` is for the person's own screen only — never for logs or audit rows.
 *
 * Numbers are recognised by their official structure and check digits, so phone numbers,
 * postcodes, dates and amounts do not trigger. The one exception is the social insurance number,
 * see `socialInsuranceNumbers`.
 */
export type SensitiveKind = 'social_insurance' | 'iban' | 'tax_id' | 'health_keyword';

export interface SensitiveFinding {
	kind: SensitiveKind;
	match: string;
}

export const SENSITIVE_KINDS: readonly SensitiveKind[] = [
	'social_insurance',
	'iban',
	'tax_id',
	'health_keyword'
];

/**
 * Rentenversicherungsnummer (DRV): area (2 digits), birth date DDMMYY, initial of the birth name,
 * serial (2 digits), check digit. The check digit: the letter becomes its place in the alphabet
 * (two digits), the twelve digits are weighted 2,1,2,5,7,1,2,1,2,1,2,1, the digit sums of the
 * products added, modulo 10. Exported for the tests.
 */
export function socialInsuranceCheckDigit(compact: string): number | null {
	const m = /^(\d{8})([A-Z])(\d{2})\d$/.exec(compact.toUpperCase());
	if (!m) return null;
	const letter = String((m[2] ?? 'A').charCodeAt(0) - 64).padStart(2, '0');
	const digits = `${m[1]}${letter}${m[3]}`.split('').map(Number);
	const weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
	let sum = 0;
	for (let i = 0; i < 12; i++) {
		const p = (digits[i] ?? 0) * (weights[i] ?? 0);
		sum += Math.floor(p / 10) + (p % 10);
	}
	return sum % 10;
}

const SV_PATTERN =
	/(?<![\p{L}\p{N}])(\d{2}) ?(\d{2})(\d{2})(\d{2}) ?([A-Za-z]) ?(\d{2}) ?(\d)(?![\p{L}\p{N}])/gu;

/**
 * Recognised by format with a plausible birth date, not by the check digit: numbers people copy
 * from letters are often mistyped in one digit (and the issue's own example, `12 150385 M 023`,
 * fails the check), yet they still identify the person. A letter between digit groups is rare
 * enough in ordinary text that the format alone does not cause false alarms.
 */
function socialInsuranceNumbers(text: string): SensitiveFinding[] {
	const out: SensitiveFinding[] = [];
	for (const m of text.matchAll(SV_PATTERN)) {
		const day = Number(m[2]);
		const month = Number(m[3]);
		if (day < 1 || day > 31 || month < 1 || month > 12) continue;
		out.push({ kind: 'social_insurance', match: m[0] });
	}
	return out;
}

/** IBAN lengths by country (ISO 13616 registry); countries not listed are tried at every length. */
const IBAN_LENGTH: Record<string, number> = {
	AD: 24,
	AE: 23,
	AL: 28,
	AT: 20,
	AZ: 28,
	BA: 20,
	BE: 16,
	BG: 22,
	BH: 22,
	BR: 29,
	CH: 21,
	CY: 28,
	CZ: 24,
	DE: 22,
	DK: 18,
	DO: 28,
	EE: 20,
	ES: 24,
	FI: 18,
	FO: 18,
	FR: 27,
	GB: 22,
	GE: 22,
	GI: 23,
	GL: 18,
	GR: 27,
	HR: 21,
	HU: 28,
	IE: 22,
	IL: 23,
	IS: 26,
	IT: 27,
	KW: 30,
	KZ: 20,
	LB: 28,
	LI: 21,
	LT: 20,
	LU: 20,
	LV: 21,
	MC: 27,
	MD: 24,
	ME: 22,
	MK: 19,
	MR: 27,
	MT: 31,
	MU: 30,
	NL: 18,
	NO: 15,
	PK: 24,
	PL: 28,
	PS: 29,
	PT: 25,
	QA: 29,
	RO: 24,
	RS: 22,
	SA: 24,
	SE: 24,
	SI: 19,
	SK: 24,
	SM: 27,
	TN: 24,
	TR: 26,
	UA: 29,
	VG: 24,
	XK: 20
};

/** ISO 13616: the first four characters moved to the end, letters as 10–35, the number mod 97 is 1. */
export function ibanValid(compact: string): boolean {
	const s = compact.toUpperCase();
	if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
	const moved = s.slice(4) + s.slice(0, 4);
	let rest = 0;
	for (const ch of moved) {
		const v = ch >= 'A' ? ch.charCodeAt(0) - 55 : Number(ch);
		rest = (rest * (v >= 10 ? 100 : 10) + v) % 97;
	}
	return rest === 1;
}

function ibans(text: string): SensitiveFinding[] {
	const out: SensitiveFinding[] = [];
	const starts = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}/gu;
	let covered = -1;
	for (const start of text.matchAll(starts)) {
		const from = start.index;
		if (from < covered) continue;
		// The candidate: letters and digits, single spaces between groups, at most 34 characters.
		const run = /^(?:[A-Za-z0-9]| (?=[A-Za-z0-9]))+/.exec(text.slice(from));
		if (!run) continue;
		const chars: { ch: string; end: number }[] = [];
		for (let i = 0; i < run[0].length && chars.length < 34; i++) {
			const ch = run[0].charAt(i);
			if (ch !== ' ') chars.push({ ch: ch.toUpperCase(), end: from + i + 1 });
		}
		const compact = chars.map((c) => c.ch).join('');
		const known = IBAN_LENGTH[compact.slice(0, 2)];
		const lengths = known ? [known] : Array.from({ length: 20 }, (_, i) => 34 - i);
		for (const len of lengths) {
			if (len > compact.length || !ibanValid(compact.slice(0, len))) continue;
			const end = chars[len - 1]?.end ?? from;
			// An IBAN ends where a word ends: "DE89…3000" inside a longer code is no IBAN.
			if (/[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
			out.push({ kind: 'iban', match: text.slice(from, end) });
			covered = end;
			break;
		}
	}
	return out;
}

/** ISO 7064 MOD 11,10 over the first ten digits (the Steuer-ID's check digit). */
export function taxIdCheckDigit(first10: string): number {
	let product = 10;
	for (const ch of first10) {
		let sum = (Number(ch) + product) % 10;
		if (sum === 0) sum = 10;
		product = (sum * 2) % 11;
	}
	const check = 11 - product;
	return check === 10 ? 0 : check;
}

/**
 * Steuerliche Identifikationsnummer: 11 digits, the first not 0; in the first ten exactly one digit
 * occurs twice or three times (three never side by side) and the rest at most once; then the check
 * digit. The digit rule keeps eleven-digit phone numbers and amounts out.
 */
export function taxIdValid(compact: string): boolean {
	if (!/^[1-9]\d{10}$/.test(compact)) return false;
	const first10 = compact.slice(0, 10);
	const counts = new Map<string, number>();
	for (const ch of first10) counts.set(ch, (counts.get(ch) ?? 0) + 1);
	const repeated = [...counts.values()].filter((n) => n > 1);
	if (repeated.length !== 1 || (repeated[0] ?? 0) > 3) return false;
	if (/(\d)\1\1/.test(first10)) return false;
	return taxIdCheckDigit(first10) === Number(compact[10]);
}

function taxIds(text: string): SensitiveFinding[] {
	const out: SensitiveFinding[] = [];
	// Digits with single spaces or slashes between groups ("12 345 678 901"), not inside a word.
	for (const m of text.matchAll(/(?<![\p{L}\p{N}])\d(?:[ /]?\d)*(?![\p{L}\p{N}])/gu)) {
		if (taxIdValid(m[0].replace(/[ /]/g, ''))) out.push({ kind: 'tax_id', match: m[0] });
	}
	return out;
}

/*
 * Text and keywords are compared in one spelling (platform/fold-german.ts), so "Ärztin",
 * "Aerztin" and "ÄRZTIN" are one word. A keyword ending in `*` also matches longer words that
 * begin with it ("depressi*" finds "depressiv" and "Depressionen").
 */
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function keywordPattern(word: string): RegExp | null {
	const folded = foldGerman(word.trim());
	const prefix = folded.endsWith('*');
	const core = prefix ? folded.slice(0, -1).trim() : folded;
	if (core.length < 2) return null;
	const tail = prefix ? '[\\p{L}\\p{N}]*' : '';
	return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(core)}${tail}(?![\\p{L}\\p{N}])`, 'u');
}

function keywords(text: string, words: readonly string[]): SensitiveFinding[] {
	const folded = foldGerman(text);
	const out: SensitiveFinding[] = [];
	for (const word of words) {
		const pattern = keywordPattern(word);
		if (pattern?.test(folded)) out.push({ kind: 'health_keyword', match: word });
	}
	return out;
}

/** Everything sensitive in one text, numbers first, in the order they appear per kind. */
export function findSensitive(text: string, keywordList: readonly string[] = []): SensitiveFinding[] {
	if (!text.trim()) return [];
	return [...socialInsuranceNumbers(text), ...ibans(text), ...taxIds(text), ...keywords(text, keywordList)];
}
