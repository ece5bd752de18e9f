import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { testServices } from '../../tests/support/test-database';
import { demoTotpSecret } from '../lib/server/identity/demo';
import { timeStep, totpAt } from '../lib/server/identity/totp';
import { runCli } from './cli';

/** A CLI run against a fresh SQLite file, collecting what it prints. */
function harness(env: Record<string, string> = {}) {
	const dir = mkdtempSync(join(tmpdir(), 'kl-cli-'));
	const out: string[] = [];
	const err: string[] = [];
	const io = {
		out: (l: string) => out.push(l),
		err: (l: string) => err.push(l),
		env: { DATABASE_URL: `sqlite:${join(dir, 'kl.db')}`, SECRET_KEY: 'k'.repeat(32), ...env }
	};
	return { dir, out, err, run: (...argv: string[]) => runCli(argv, io) };
}

describe('kl dispatcher', () => {
	it('lists every command under help, also without arguments', async () => {
		const h = harness();
		expect(await h.run()).toBe(0);
		expect(await h.run('help')).toBe(0);
		const text = h.out.join('\n');
		for (const name of [
			'migrate',
			'create-admin --email EMAIL --name NAME',
			'import-postcodes FILE',
			'seed-demo',
			'demo-logins [--json]',
			'totp EMAIL',
			'backup PATH [--force]',
			'outbox:deliver'
		]) {
			expect(text).toContain(name);
		}
	});

	it('explains one command', async () => {
		const h = harness();
		expect(await h.run('help', 'backup')).toBe(0);
		expect(await h.run('backup', '--help')).toBe(0);
		expect(h.out[0]).toBe('npm run kl -- backup PATH [--force]');
	});

	it('answers an unknown command and wrong usage with exit code 2', async () => {
		const h = harness();
		expect(await h.run('frobnicate')).toBe(2);
		expect(h.err[0]).toMatch(/unknown command "frobnicate"/);
		expect(await h.run('create-admin', '--email', 'a@b.de')).toBe(2);
		expect(h.err.slice(-2)).toEqual([
			'Kreativlotse: create-admin: --name is required',
			'usage: npm run kl -- create-admin --email EMAIL --name NAME'
		]);
	});

	it('prints a configuration error as one line with exit code 1', async () => {
		const h = harness({ DATABASE_URL: 'mysql://db/kl' });
		expect(await h.run('migrate')).toBe(1);
		expect(h.err).toEqual([
			'Kreativlotse: configuration error: DATABASE_URL uses the unsupported scheme "mysql" (use sqlite:PATH or postgres://…)'
		]);
	});
});

describe('kl commands', () => {
	it('migrate reports what ran, then that the schema is current', async () => {
		const h = harness();
		expect(await h.run('migrate')).toBe(0);
		expect(h.out[0]).toMatch(/^Migrated: \d{4}-\d{2}-\d{2}/);
		h.out.length = 0;
		expect(await h.run('migrate')).toBe(0);
		expect(h.out).toEqual([expect.stringMatching(/^Database \(sqlite\) already current: /)]);
	});

	it('create-admin prints the full invitation URL', async () => {
		const h = harness({ PUBLIC_BASE_URL: 'https://kreativlotse.example' });
		expect(await h.run('create-admin', '--email', 'Chefin@Example.org', '--name', 'Chefin')).toBe(0);
		const url = h.out.find((l) => l.includes('https://'))?.trim() ?? '';
		expect(url).toMatch(/^https:\/\/kreativlotse\.example\/\S+$/);
		expect(await h.run('create-admin', '--email', 'not-an-address', '--name', 'X')).toBe(1);
		expect(h.err.at(-1)).toMatch(/^Kreativlotse: /);
	});

	it('seed-demo, demo-logins --json and totp work together; seeding twice changes nothing', async () => {
		vi.spyOn(console, 'log').mockImplementation(() => {});
		const h = harness();
		// A short history keeps the test fast; the full year is the default (demo/network.test.ts covers the generator).
		expect(await h.run('seed-demo', '--days', '7')).toBe(0);
		expect(await h.run('seed-demo', '--days', '7')).toBe(0);
		expect(h.out.at(-1)).toMatch(/exist already/);
		h.out.length = 0;
		expect(await h.run('demo-logins', '--json')).toBe(0);
		const logins = JSON.parse(h.out.join('\n')) as { email: string; role: string }[];
		expect(logins.some((l) => l.email === 'admin@demo.kreativlotse.de' && l.role === 'network_admin')).toBe(
			true
		);
		h.out.length = 0;
		const before = timeStep(new Date());
		expect(await h.run('totp', 'ADMIN@demo.kreativlotse.de')).toBe(0);
		const code = h.out[0]!.slice(0, 6);
		const candidates = [before, before + 1].map((step) =>
			totpAt(demoTotpSecret('admin@demo.kreativlotse.de'), step)
		);
		expect(candidates).toContain(code);
		expect(await h.run('totp', 'someone@example.org')).toBe(1);
		expect(h.err.at(-1)).toMatch(/not a demo account/);
	});

	it('refuses demo commands in production', async () => {
		const h = harness({ NODE_ENV: 'production', ORIGIN: 'https://kl.example' });
		for (const command of ['seed-demo', 'demo-logins']) {
			expect(await h.run(command)).toBe(1);
			expect(h.err.at(-1)).toMatch(/refuses to run in production/);
		}
		expect(await h.run('totp', 'admin@demo.kreativlotse.de')).toBe(1);
		expect(h.err.at(-1)).toMatch(/refuses to run in production/);
	});

	it('outbox:deliver needs SMTP_URL', async () => {
		const h = harness();
		expect(await h.run('outbox:deliver')).toBe(1);
		expect(h.err.at(-1)).toMatch(/SMTP_URL is not set/);
	});

	it('import-postcodes reads a file, shows progress and credits OpenStreetMap', async () => {
		const h = harness();
		const file = join(h.dir, 'plz.csv');
		writeFileSync(
			file,
			'osm_id,ags,ort,plz,landkreis,bundesland\n' +
				'1,11000000,Berlin,10115,,Berlin\n' +
				'2,8111000,Stuttgart,70173,,Baden-Württemberg\n' +
				'3,02000000,Hamburg,21039,,Hamburg\n' +
				'4,01053000,Börnsen,21039,Herzogtum Lauenburg,Schleswig-Holstein\n'
		);
		expect(await h.run('import-postcodes', file)).toBe(0);
		const text = h.out.join('\n');
		expect(text).toMatch(/100%/);
		expect(text).toMatch(/Rows: 4, inserted: \d+, skipped \(already known\): \d+/);
		expect(text).toContain('© OpenStreetMap contributors, ODbL');
		const db = new Database(join(h.dir, 'kl.db'), { readonly: true });
		const plz = db.prepare("select land_iso from postcode where plz = '21039' order by land_iso").all();
		db.close();
		expect(plz.map((r) => (r as { land_iso: string }).land_iso)).toEqual(
			expect.arrayContaining(['DE-HH', 'DE-SH'])
		);
		expect(await h.run('import-postcodes', join(h.dir, 'missing.csv'))).toBe(1);
		expect(h.err.at(-1)).toMatch(/cannot read .*missing\.csv: ENOENT/);
	});
});

describe('kl against the test database (SQLite, or PostgreSQL with TEST_DATABASE_URL)', () => {
	it('migrate finds the schema current; seed-demo and demo-logins work on this dialect', async () => {
		vi.spyOn(console, 'log').mockImplementation(() => {});
		const s = await testServices();
		try {
			const out: string[] = [];
			const io = {
				out: (l: string) => out.push(l),
				err: (l: string) => out.push(l),
				env: { DATABASE_URL: s.config.databaseUrl, SECRET_KEY: 'k'.repeat(32) }
			};
			expect(await runCli(['migrate'], io)).toBe(0);
			expect(out).toEqual([
				expect.stringMatching(new RegExp(`^Database \\(${s.dialect}\\) already current`))
			]);
			expect(await runCli(['seed-demo', '--days', '7'], io)).toBe(0);
			out.length = 0;
			expect(await runCli(['demo-logins', '--json'], io)).toBe(0);
			expect((JSON.parse(out.join('\n')) as unknown[]).length).toBeGreaterThan(10);
		} finally {
			await s.close();
		}
	}, 180_000); // seed-demo runs a week of demo life through the commands: many round trips on PostgreSQL
});
