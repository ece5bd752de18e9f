import { describe, expect, it } from 'vitest';
import { ConfigError, formatConfigError, loadConfig } from './config';
import { parseDatabaseUrl } from './database-url';

describe('parseDatabaseUrl', () => {
	it.each([
		['sqlite:./data/kreativlotse.db', { kind: 'sqlite', path: './data/kreativlotse.db' }],
		['sqlite:///var/lib/kl.db', { kind: 'sqlite', path: '/var/lib/kl.db' }],
		['./x.db', { kind: 'sqlite', path: './x.db' }],
		['/abs/x.db', { kind: 'sqlite', path: '/abs/x.db' }],
		[':memory:', { kind: 'sqlite', path: ':memory:' }],
		['postgres://u:p@h:5432/db', { kind: 'postgres', url: 'postgres://u:p@h:5432/db' }],
		['postgresql://h/db', { kind: 'postgres', url: 'postgresql://h/db' }]
	])('%s', (input, expected) => {
		expect(parseDatabaseUrl(input)).toEqual(expected);
	});

	it.each(['mysql://x', 'http://example.org/db', 'sqlite:', ''])('refuses %j', (input) => {
		expect(() => parseDatabaseUrl(input)).toThrow();
	});
});

describe('loadConfig', () => {
	it('has working defaults for a newcomer', () => {
		const c = loadConfig({});
		expect(c.database).toEqual({ kind: 'sqlite', path: './data/kreativlotse.db' });
		expect(c.origin).toBe('http://localhost:3000');
		expect(c.publicBaseUrl).toBe('http://localhost:3000');
		expect(c.smtpUrl).toBeNull();
		expect(c.cookieSecure).toBe(false);
		expect(c.seedDemo).toBe(true);
		expect(c.production).toBe(false);
		expect(c.apiDataLicense).toEqual({
			name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
			url: 'https://www.govdata.de/dl-de/by-2-0'
		});
	});

	it('treats empty values as unset', () => {
		expect(loadConfig({ PORT: '', SMTP_URL: '' }).port).toBe(3000);
	});

	it('production needs ORIGIN and SECRET_KEY, never seeds demo data, uses secure cookies', () => {
		const c = loadConfig({
			NODE_ENV: 'production',
			ORIGIN: 'https://kl.example',
			SECRET_KEY: 'x'.repeat(40)
		});
		expect(c.seedDemo).toBe(false);
		expect(c.cookieSecure).toBe(true);
	});

	// Each bad value names its variable in one line.
	it.each([
		[{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
		[{ PORT: 'eighty' }, 'PORT'],
		[{ PORT: '70000' }, 'PORT'],
		[{ ORIGIN: 'not a url' }, 'ORIGIN'],
		[{ SMTP_URL: 'mail.example.org' }, 'SMTP_URL'],
		[{ MAIL_FROM: 'a\nBcc: b@c.d' }, 'MAIL_FROM'],
		[{ SECRET_KEY: 'short' }, 'SECRET_KEY'],
		[{ API_DATA_LICENSE: 'CC BY 4.0' }, 'API_DATA_LICENSE_URL'],
		[{ API_DATA_LICENSE_URL: 'ftp://x.example' }, 'API_DATA_LICENSE_URL'],
		[{ API_DATA_LICENSE: 'a\nb', API_DATA_LICENSE_URL: 'https://x.example' }, 'API_DATA_LICENSE'],
		[{ COOKIE_SECURE: 'maybe' }, 'COOKIE_SECURE'],
		[{ SESSION_IDLE_MINUTES: '1' }, 'SESSION_IDLE_MINUTES'],
		[{ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(40) }, 'ORIGIN'],
		[{ NODE_ENV: 'production', ORIGIN: 'https://kl.example' }, 'SECRET_KEY'],
		[
			{ NODE_ENV: 'production', ORIGIN: 'https://a.b', SECRET_KEY: 'x'.repeat(40), SEED_DEMO: 'true' },
			'SEED_DEMO'
		]
	])('%j -> error naming %s', (env, variable) => {
		let caught: unknown;
		try {
			loadConfig(env);
		} catch (err) {
			caught = err;
		}
		expect(caught).toBeInstanceOf(ConfigError);
		expect((caught as ConfigError).variable).toBe(variable);
		const line = formatConfigError(caught as ConfigError);
		expect(line).toContain(variable);
		expect(line).not.toContain('\n');
	});
});
