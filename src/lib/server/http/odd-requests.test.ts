import { describe, expect, it } from 'vitest';
import { oddRequest } from './odd-requests';

const u = (s: string) => new URL(s, 'http://localhost');

describe('oddRequest', () => {
	it.each([
		['POST', '/anmelden?/default', 400],
		['POST', '/termin?x=1&/default', 400],
		['POST', '/anmelden?/login', null],
		['POST', '/anmelden?/login&/default', null],
		['GET', '/anmelden?/default', null],
		['GET', '/', null]
	])('%s %s → %s', (method, path, status) => {
		expect(oddRequest(method, u(path))?.status ?? null).toBe(status);
	});
});
