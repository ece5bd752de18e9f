import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDb } from '../../src/lib/server/db/client';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { fixedClock } from '../../src/lib/server/platform/clock';
import { loadConfig } from '../../src/lib/server/platform/config';
import { createSecretBox } from '../../src/lib/server/platform/secret-box';
import { seedReferenceData } from '../../src/lib/server/reference/seed';
import type { Services } from '../../src/lib/server/runtime';

/**
 * A fresh, migrated, reference-seeded database per test: a copy of a template SQLite file,
 * or, when TEST_DATABASE_URL points at PostgreSQL, a new database cloned from a template.
 * No mocks of our own database anywhere.
 */
export const pgUrl = process.env.TEST_DATABASE_URL;
export const dialectUnderTest = pgUrl ? 'postgres' : 'sqlite';

let sqliteTemplate: string | null = null;
let pgTemplateReady: Promise<void> | null = null;
let counter = 0;
const TEMPLATE = 'kl_test_template';

async function buildSqliteTemplate(): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'kl-template-'));
	const path = join(dir, 'template.db');
	const d = createDb({ kind: 'sqlite', path });
	await migrateToLatest(d.db);
	await seedReferenceData(d.db, new Date('2026-01-01T00:00:00Z'));
	await d.close();
	return path;
}

function adminUrl(database: string): string {
	const u = new URL(pgUrl!);
	u.pathname = `/${database}`;
	return u.toString();
}

async function withAdmin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: adminUrl('postgres') });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

async function buildPgTemplate(): Promise<void> {
	// Several vitest workers may race to build the template; an advisory lock lets one win.
	await withAdmin(async (c) => {
		await c.query('select pg_advisory_lock(4242)');
		try {
			const exists = await c.query('select 1 from pg_database where datname = $1', [TEMPLATE]);
			if (exists.rowCount === 0) {
				await c.query(`create database ${TEMPLATE}`);
				const d = createDb({ kind: 'postgres', url: adminUrl(TEMPLATE) }, { poolSize: 1 });
				await migrateToLatest(d.db);
				await seedReferenceData(d.db, new Date('2026-01-01T00:00:00Z'));
				await d.close();
			}
		} finally {
			await c.query('select pg_advisory_unlock(4242)');
		}
	});
}

/**
 * The services testServices opened that nobody has closed yet: what a test left open, for
 * closeServicesAfterEach (services-per-test.ts) to close.
 */
export const openTestServices = new Set<TestServices>();

/** Where the test clock starts unless a test says otherwise: Monday 2026-06-15, 10:00 in Berlin. */
export const TEST_CLOCK_START = '2026-06-15T08:00:00Z';
export const TEST_NOW = Date.parse(TEST_CLOCK_START);

export interface TestServices extends Services {
	clock: ReturnType<typeof fixedClock>;
}

export async function testServices(
	options: { now?: string; env?: Record<string, string> } = {}
): Promise<TestServices> {
	const clock = fixedClock(options.now ?? TEST_CLOCK_START);
	let database: ReturnType<typeof createDb>;
	let url: string;
	if (pgUrl) {
		pgTemplateReady ??= buildPgTemplate();
		await pgTemplateReady;
		const name = `kl_test_${process.pid}_${++counter}_${Date.now() % 100000}`;
		await withAdmin((c) => c.query(`create database ${name} template ${TEMPLATE}`));
		url = adminUrl(name);
		database = createDb({ kind: 'postgres', url }, { poolSize: 20 });
		const close = database.close;
		database.close = async () => {
			await close();
			await withAdmin((c) => c.query(`drop database if exists ${name}`));
		};
	} else {
		if (!sqliteTemplate || !existsSync(sqliteTemplate)) sqliteTemplate = await buildSqliteTemplate();
		const path = join(mkdtempSync(join(tmpdir(), 'kl-test-')), 'test.db');
		copyFileSync(sqliteTemplate, path);
		url = `sqlite:${path}`;
		database = createDb({ kind: 'sqlite', path });
	}
	const config = loadConfig({
		DATABASE_URL: url,
		SECRET_KEY: 'test-secret-key-with-at-least-32-chars',
		...options.env
	});
	const services: TestServices = {
		config,
		db: database.db,
		dialect: database.dialect,
		clock,
		secrets: createSecretBox('test-secret-key-with-at-least-32-chars'),
		close: async () => {
			openTestServices.delete(services);
			await database.close();
		},
		poolStats: database.poolStats
	};
	openTestServices.add(services);
	return services;
}
