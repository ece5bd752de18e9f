import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE = `http://127.0.0.1:${PORT}`;
// The runner's value is kept in the environment, which its workers inherit (they evaluate this
// file again under another pid): the privacy journey reads the server's SQLite file directly.
process.env.KL_E2E_SQLITE_URL ??= `sqlite:${join(tmpdir(), `kl-e2e-${process.pid}`, 'e2e.db')}`;
const DATABASE_URL = process.env.E2E_DATABASE_URL || process.env.KL_E2E_SQLITE_URL;

export default defineConfig({
	testDir: 'tests/e2e',
	workers: 1,
	fullyParallel: false,
	retries: 0,
	timeout: 60_000,
	reporter: [['list']],
	use: {
		baseURL: BASE,
		locale: 'de-DE',
		timezoneId: 'Europe/Berlin',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		command: 'node server.mjs',
		url: `${BASE}/healthz`,
		reuseExistingServer: false,
		// The demo network (a year of life, seed-demo) is built at start: about a minute alone on SQLite, longer on
		// PostgreSQL and on a busy machine.
		timeout: 1_500_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: BASE,
			DATABASE_URL,
			SEED_DEMO: 'true',
			// Generous limits so the journeys never trip them; the throttling tests set their own.
			LOGIN_ADDRESS_LIMIT: '1000',
			KL_E2E: '1'
		}
	}
});
