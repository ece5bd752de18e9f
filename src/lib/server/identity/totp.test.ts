import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, matchTotp, otpauthUri, timeStep, totpAt } from './totp';

// RFC 6238 appendix B (SHA-1, secret "12345678901234567890"), truncated to 6 digits.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP', () => {
	it.each([
		[59, '287082'],
		[1111111109, '081804'],
		[1111111111, '050471'],
		[1234567890, '005924'],
		[2000000000, '279037'],
		[20000000000, '353130']
	])('RFC 6238 vector at %i s', (seconds, code) => {
		expect(totpAt(RFC_SECRET, timeStep(new Date(seconds * 1000)))).toBe(code);
	});

	it('base32 round-trips', () => {
		const buf = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 7]);
		expect(base32Decode(base32Encode(buf))).toEqual(buf);
	});

	const now = new Date('2026-11-29T10:00:10Z');
	const step = timeStep(now);
	it.each([
		['current step', totpAt(RFC_SECRET, step), null, step],
		['previous step (drift)', totpAt(RFC_SECRET, step - 1), null, step - 1],
		['next step (drift)', totpAt(RFC_SECRET, step + 1), null, step + 1],
		['two steps old', totpAt(RFC_SECRET, step - 2), null, null],
		['replay of the used step', totpAt(RFC_SECRET, step), step, null],
		['older than the used step', totpAt(RFC_SECRET, step - 1), step, null],
		['with spaces', totpAt(RFC_SECRET, step).replace(/(\d{3})/, '$1 '), null, step],
		['letters', 'abcdef', null, null],
		['too short', '12345', null, null]
	])('%s', (_, code, lastUsed, expected) => {
		expect(matchTotp(RFC_SECRET, code, now, lastUsed)).toBe(expected);
	});

	it('builds an otpauth URI apps understand', () => {
		const uri = otpauthUri('ABC', 'a@b.de');
		expect(uri).toMatch(/^otpauth:\/\/totp\/Kreativlotse%3Aa%40b\.de\?secret=ABC&issuer=Kreativlotse/);
	});
});
