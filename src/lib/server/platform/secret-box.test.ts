import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box';

describe('secret box', () => {
	const box = createSecretBox('a'.repeat(40));
	it('opens what it sealed, with a fresh IV each time', () => {
		const a = box.seal('JBSWY3DPEHPK3PXP');
		const b = box.seal('JBSWY3DPEHPK3PXP');
		expect(a).not.toBe(b);
		expect(box.open(a)).toBe('JBSWY3DPEHPK3PXP');
	});
	it('refuses a tampered value and another key', () => {
		const sealed = box.seal('secret');
		const parts = sealed.split('.');
		parts[3] = Buffer.from('xxxxxx').toString('base64url');
		expect(() => box.open(parts.join('.'))).toThrow();
		expect(() => createSecretBox('b'.repeat(40)).open(sealed)).toThrow();
	});
});
