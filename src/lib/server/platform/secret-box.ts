import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Encrypts small secrets at rest (TOTP seeds) with AES-256-GCM. The key comes from SECRET_KEY;
 * outside production, a key is generated once next to the database so a newcomer needs no setup.
 */
export interface SecretBox {
	seal(plain: string): string;
	open(sealed: string): string;
}

export function createSecretBox(secret: string): SecretBox {
	const key = createHash('sha256').update(`kreativlotse:secret-box:${secret}`).digest();
	return {
		seal(plain) {
			const iv = randomBytes(12);
			const cipher = createCipheriv('aes-256-gcm', key, iv);
			const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
			return [
				'v1',
				iv.toString('base64url'),
				cipher.getAuthTag().toString('base64url'),
				body.toString('base64url')
			].join('.');
		},
		open(sealed) {
			const [v, iv, tag, body] = sealed.split('.');
			if (v !== 'v1' || !iv || !tag || !body) throw new Error('secret-box: unknown format');
			const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
			decipher.setAuthTag(Buffer.from(tag, 'base64url'));
			return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
				'utf8'
			);
		}
	};
}

/** Development key file: created on first use, reused after. Never used in production. */
export function developmentSecret(path: string): string {
	if (existsSync(path)) return readFileSync(path, 'utf8').trim();
	mkdirSync(dirname(path), { recursive: true });
	const secret = randomBytes(32).toString('base64url');
	writeFileSync(path, secret + '\n', { mode: 0o600 });
	return secret;
}
