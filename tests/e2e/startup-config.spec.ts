import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support';

// Start-up refuses bad configuration with one clear line and a non-zero exit (no browser needed).
const notAFolder = join(mkdtempSync(join(tmpdir(), 'kl-cfg-')), 'a-file');
writeFileSync(notAFolder, 'x');

for (const [label, env, expected] of [
	[
		'an unsupported database scheme',
		{ DATABASE_URL: 'mysql://x' },
		/DATABASE_URL uses the unsupported scheme "mysql"/
	],
	[
		'an unwritable SQLite path',
		{ DATABASE_URL: `sqlite:${notAFolder}/kl.db` },
		/DATABASE_URL cannot write the SQLite database folder/
	],
	['a port that is not a number', { PORT: 'achtzig' }, /PORT must be a whole number/],
	[
		'production without SECRET_KEY',
		{ NODE_ENV: 'production', ORIGIN: 'https://kl.example' },
		/SECRET_KEY must be set in production/
	],
	[
		'a heap mode it does not know',
		{ HEAP_MODE: 'schnell' },
		/HEAP_MODE must be "lean" or "fast", not "schnell"/
	],
	[
		'an unreachable PostgreSQL',
		{ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
		/cannot use the postgres database \(DATABASE_URL\)/
	]
] as const) {
	test(`start-up with ${label}: one line naming the problem, exit 1`, () => {
		const r = spawnSync(process.execPath, ['server.mjs'], {
			env: { PATH: process.env.PATH, PORT: '4399', ...env },
			encoding: 'utf8',
			timeout: 20_000
		});
		expect(r.status).toBe(1);
		const lines = r.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(expected);
	});
}
