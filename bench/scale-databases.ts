import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { createDb } from '../src/lib/server/db/client';
import { parseDatabaseUrl } from '../src/lib/server/platform/database-url';

/**
 * Where the scale bench keeps its two databases (demo and national) on each engine, and how it
 * knows the national one is complete. SQLite: files in BENCH_SCALE_DIR (default
 * $TMPDIR/kl-bench-scale), a `.done` file beside the national one. PostgreSQL (when
 * BENCH_DATABASE_URL, or TEST_DATABASE_URL as scripts/with-pg.sh sets it, names a server): two databases created next to the one named, and a marker
 * table in the national one. Both are kept and reused, so a second run times pages at once.
 */
export interface ScaleDatabases {
	label: 'SQLite' | 'PostgreSQL';
	/** DATABASE_URL of the demo installation and of the national one. */
	demo: string;
	national: string;
	nationalDone(): Promise<boolean>;
	markNationalDone(): Promise<void>;
}

export function sqliteDatabases(factor: number): ScaleDatabases {
	const dir = process.env.BENCH_SCALE_DIR ?? join(tmpdir(), 'kl-bench-scale');
	mkdirSync(dir, { recursive: true });
	const national = join(dir, `national-${factor}.db`);
	const demo = join(dir, 'demo.db');
	return {
		label: 'SQLite',
		demo: `sqlite:${demo}`,
		national: `sqlite:${national}`,
		nationalDone: async () => existsSync(`${national}.done`),
		markNationalDone: async () => writeFileSync(`${national}.done`, new Date().toISOString())
	};
}

/** The two PostgreSQL databases on BENCH_DATABASE_URL's server; null when it names none. */
export async function postgresDatabases(factor: number): Promise<ScaleDatabases | null> {
	const raw = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
	if (!raw || parseDatabaseUrl(raw).kind !== 'postgres') return null;
	const suffix = String(factor).replace('.', '_');
	const demo = await ensureDatabase(raw, 'kl_scale_demo');
	const national = await ensureDatabase(raw, `kl_scale_national_${suffix}`);
	return {
		label: 'PostgreSQL',
		demo,
		national,
		nationalDone: async () => hasTable(national, 'bench_scale_done'),
		markNationalDone: async () => {
			const d = createDb(parseDatabaseUrl(national));
			try {
				await sql`create table bench_scale_done (at text not null)`.execute(d.db);
			} finally {
				await d.close();
			}
		}
	};
}

/** Whether the database behind `url` holds an installation (the server's first start seeds one). */
export async function isSeeded(url: string): Promise<boolean> {
	const target = parseDatabaseUrl(url);
	return target.kind === 'sqlite' ? existsSync(target.path) : hasTable(url, 'staff_user');
}

/** Creates the database `name` on the server of `url` unless it exists; returns its URL. */
async function ensureDatabase(url: string, name: string): Promise<string> {
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	try {
		const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
		if (found.rowCount === 0) await admin.query(`create database ${name}`);
	} finally {
		await admin.end();
	}
	const target = new URL(url);
	target.pathname = `/${name}`;
	return target.toString();
}

async function hasTable(url: string, table: string): Promise<boolean> {
	const c = new pg.Client({ connectionString: url });
	await c.connect();
	try {
		const r = await c.query('select to_regclass($1) as t', [table]);
		return r.rows[0]?.t !== null;
	} finally {
		await c.end();
	}
}
