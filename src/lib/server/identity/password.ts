import { hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). */
// 2 is Algorithm.Argon2id; the const enum cannot be imported under verbatimModuleSyntax.
const PARAMS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export function hashPassword(password: string): Promise<string> {
	return hash(password, PARAMS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
	if (!stored) {
		// Same cost for unknown users and users without a password, so timing tells nothing.
		await hash(password, PARAMS);
		return false;
	}
	try {
		return await verify(stored, password);
	} catch {
		return false;
	}
}
