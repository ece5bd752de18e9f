import { describe, expect, it, vi } from 'vitest';

// Counts argon2 verifications, to show that every stored code is checked whichever one matches.
const verifyCalls = vi.hoisted(() => ({ n: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
	const real = await importOriginal<typeof import('@node-rs/argon2')>();
	return {
		...real,
		verify: (...args: Parameters<typeof real.verify>) => {
			verifyCalls.n++;
			return real.verify(...args);
		}
	};
});

const { findMatchingRecoveryCode, hashRecoveryCode, legacyRecoveryCodeHash } = await import(
	'./recovery-codes'
);

describe('recovery code matching', () => {
	it('salts every hash: the same code hashes differently twice', async () => {
		const [a, b] = await Promise.all([hashRecoveryCode('ABCDE-FGHJK'), hashRecoveryCode('abcdefghjk')]);
		expect(a).not.toBe(b);
		expect(a).toMatch(/^\$argon2id\$/);
	});

	it.each([
		{ typed: 'AAAAA-AAAAA', expected: 1 },
		{ typed: 'BBBBB-BBBBB', expected: 2 },
		{ typed: 'CCCCC-CCCCC', expected: 3 },
		{ typed: 'DDDDD-DDDDD', expected: 4 },
		{ typed: 'ZZZZZ-ZZZZZ', expected: null }
	])('checks all candidates for $typed (match: $expected)', async ({ typed, expected }) => {
		const candidates = [
			{ id: 1, code_hash: await hashRecoveryCode('AAAAA-AAAAA') },
			{ id: 2, code_hash: await hashRecoveryCode('BBBBB-BBBBB') },
			{ id: 3, code_hash: await hashRecoveryCode('CCCCC-CCCCC') },
			{ id: 4, code_hash: legacyRecoveryCodeHash('DDDDD-DDDDD') }
		];
		verifyCalls.n = 0;
		const found = await findMatchingRecoveryCode(candidates, typed);
		expect(found?.id ?? null).toBe(expected);
		// Three argon2 rows, three verifications, no matter where (or whether) the match was.
		expect(verifyCalls.n).toBe(3);
	});
});
