import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db, Tx } from '../db/transaction';
import { hashToken } from '../platform/tokens';

/**
 * Recovery codes: ten single-use codes shown once at enrolment, for when the phone is lost.
 * Ten characters from a 32-letter alphabet without look-alikes (0/O, 1/I) give 50 bits each.
 * They are stored as salted argon2id hashes (the password parameters), so a stolen backup
 * cannot be matched against a precomputed table and every guess costs what a password guess costs.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
// 2 is Algorithm.Argon2id; the const enum cannot be imported under verbatimModuleSyntax.
const PARAMS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function newRecoveryCode(): string {
	const bytes = randomBytes(10);
	let code = '';
	// 256 is a multiple of 32, so `& 31` picks every letter equally often.
	for (const b of bytes) code += ALPHABET[b & 31];
	return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Users type codes in any case, with or without the dash or spaces. */
export function normaliseRecoveryCode(input: string): string {
	return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * The unsalted SHA-256 form that codes issued before argon2id were stored in. Such rows keep
 * working until they are used or the codes are renewed: their clear text is gone, so they
 * cannot be re-hashed, and forcing every user to re-enrol would lock out whoever is away.
 */
export function legacyRecoveryCodeHash(input: string): string {
	return hashToken(`recovery:${normaliseRecoveryCode(input)}`);
}

export function hashRecoveryCode(input: string): Promise<string> {
	return hash(normaliseRecoveryCode(input), PARAMS);
}

export function isLegacyRecoveryHash(stored: string): boolean {
	return !stored.startsWith('$argon2');
}

async function matches(stored: string, clean: string): Promise<boolean> {
	if (isLegacyRecoveryHash(stored)) {
		const a = Buffer.from(stored);
		const b = Buffer.from(legacyRecoveryCodeHash(clean));
		return a.length === b.length && timingSafeEqual(a, b);
	}
	try {
		return await verify(stored, clean);
	} catch {
		return false;
	}
}

/**
 * Which of the stored codes (if any) the input is. Every candidate is checked, whether or not
 * an earlier one matched, so the time taken depends on how many unused codes the user has
 * (which the user knows) and not on which one was typed.
 */
export async function findMatchingRecoveryCode<T extends { id: number; code_hash: string }>(
	candidates: readonly T[],
	input: string
): Promise<T | null> {
	const clean = normaliseRecoveryCode(input);
	const results = await Promise.all(candidates.map((c) => matches(c.code_hash, clean)));
	let found: T | null = null;
	results.forEach((ok, i) => {
		if (ok && found === null) found = candidates[i] ?? null;
	});
	return found;
}

/** Replaces all codes of a user with fresh ones and returns them (the only time they exist in clear). */
export async function replaceRecoveryCodes(trx: Tx, userId: number): Promise<string[]> {
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
	// Hashed in parallel (argon2 runs on the libuv pool) before any write, so the transaction's
	// write lock is held only for the two statements.
	const hashes = await Promise.all(codes.map(hashRecoveryCode));
	await trx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
	await trx
		.insertInto('recovery_code')
		.values(hashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null })))
		.execute();
	return codes;
}

export async function unusedRecoveryCodes(db: Db | Tx, userId: number): Promise<number> {
	const row = await db
		.selectFrom('recovery_code')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
