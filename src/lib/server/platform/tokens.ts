import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** A random token for links and cookies: 32 bytes (256 bits), URL-safe. */
export function randomToken(bytes = 32): string {
	return randomBytes(bytes).toString('base64url');
}

/** Tokens are stored only as their SHA-256, so a database leak does not leak live links. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/**
 * Tokens arrive in URLs. Anything randomToken() cannot have produced (base64url, 20–100
 * characters) is refused before it is hashed and looked up, so junk never costs a query.
 */
export function plausibleToken(token: string): boolean {
	return /^[A-Za-z0-9_-]{20,100}$/.test(token);
}

export function requestId(): string {
	return randomUUID();
}

export function constantTimeEqual(a: string, b: string): boolean {
	const ab = Buffer.from(a);
	const bb = Buffer.from(b);
	return ab.length === bb.length && timingSafeEqual(ab, bb);
}
