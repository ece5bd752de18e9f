import { createHmac, randomBytes } from 'node:crypto';

/** RFC 6238 TOTP with SHA-1, 6 digits, 30-second steps: what every authenticator app speaks. */
const STEP_SECONDS = 30;
const DIGITS = 6;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(buf: Buffer): string {
	let bits = 0;
	let value = 0;
	let out = '';
	for (const byte of buf) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			out += ALPHABET[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
	return out;
}

export function base32Decode(text: string): Buffer {
	const clean = text.toUpperCase().replace(/[\s=-]/g, '');
	let bits = 0;
	let value = 0;
	const out: number[] = [];
	for (const ch of clean) {
		const idx = ALPHABET.indexOf(ch);
		if (idx < 0) throw new Error('invalid base32');
		value = (value << 5) | idx;
		bits += 5;
		if (bits >= 8) {
			out.push((value >>> (bits - 8)) & 255);
			bits -= 8;
		}
	}
	return Buffer.from(out);
}

export function newTotpSecret(): string {
	return base32Encode(randomBytes(20));
}

export function timeStep(now: Date): number {
	return Math.floor(now.getTime() / 1000 / STEP_SECONDS);
}

export function totpAt(secret: string, step: number): string {
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(step));
	const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
	const offset = mac[mac.length - 1]! & 0x0f;
	const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** DIGITS;
	return String(code).padStart(DIGITS, '0');
}

/**
 * The step a code belongs to, looking one step back and forward for clock drift, or null.
 * Steps at or before `lastUsedStep` are refused: a code that worked once never works again.
 */
export function matchTotp(
	secret: string,
	code: string,
	now: Date,
	lastUsedStep: number | null
): number | null {
	const clean = code.replace(/\s/g, '');
	if (!/^\d{6}$/.test(clean)) return null;
	const current = timeStep(now);
	for (const step of [current - 1, current, current + 1]) {
		if (lastUsedStep !== null && step <= lastUsedStep) continue;
		if (totpAt(secret, step) === clean) return step;
	}
	return null;
}

export function otpauthUri(secret: string, account: string, issuer = 'Kreativlotse'): string {
	const label = encodeURIComponent(`${issuer}:${account}`);
	return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${DIGITS}&period=${STEP_SECONDS}`;
}
