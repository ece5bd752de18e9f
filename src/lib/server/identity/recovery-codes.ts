import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '../db/transaction';
import { hashToken } from '../platform/tokens';

/**
 * Recovery codes: ten single-use codes shown once at enrolment, for when the phone is lost.
 * Ten characters from a 32-letter alphabet without look-alikes (0/O, 1/I) give 50 bits each;
 * with the second-factor throttle that is far beyond guessing, so a plain SHA-256 suffices.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

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

export function hashRecoveryCode(input: string): string {
	return hashToken(`recovery:${normaliseRecoveryCode(input)}`);
}

/** Replaces all codes of a user with fresh ones and returns them (the only time they exist in clear). */
export async function replaceRecoveryCodes(trx: Tx, userId: number): Promise<string[]> {
	await trx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
	await trx
		.insertInto('recovery_code')
		.values(codes.map((c) => ({ user_id: userId, code_hash: hashRecoveryCode(c), used_at: null })))
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
