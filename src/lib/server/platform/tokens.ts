import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** A random token for links and cookies: 32 bytes (256 bits), URL-safe. */
export function randomToken(bytes = 32): string {
	return randomBytes(bytes).toString('base64url');
}

/** Tokens are stored only as their SHA-256, so a database leak does not leak live links. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export function requestId(): string {
	return randomUUID();
}

export function constantTimeEqual(a: string, b: string): boolean {
	const ab = Buffer.from(a);
	const bb = Buffer.from(b);
	return ab.length === bb.length && timingSafeEqual(ab, bb);
}
