import { createServices, type Services } from '../lib/server/runtime';
import { DatabaseOpenError } from '../lib/server/db/client';
import { migrateToLatest } from '../lib/server/db/migrate';
import { type Config, ConfigError, formatConfigError, loadConfig } from '../lib/server/platform/config';
import { seedReferenceData } from '../lib/server/reference/seed';

/** Where a command writes; the real CLI uses stdout/stderr, tests collect lines. */
export interface CliIo {
	out(line: string): void;
	err(line: string): void;
	env: Record<string, string | undefined>;
}

/** Ends a command with an exit code and (optionally) one line on stderr. */
export class CliExit extends Error {
	constructor(
		readonly code: number,
		message = ''
	) {
		super(message);
	}
}

/** The configuration, or exit 1 with the one-line message the server prints too. */
export function cliConfig(io: CliIo): Config {
	try {
		return loadConfig(io.env);
	} catch (err) {
		if (err instanceof ConfigError) throw new CliExit(1, formatConfigError(err));
		throw err;
	}
}

/** Config and database, nothing run yet (backup and migrate want exactly this). */
export function openServices(io: CliIo): Services {
	const config = cliConfig(io);
	try {
		return createServices(config);
	} catch (err) {
		if (err instanceof DatabaseOpenError) throw new CliExit(1, `Kreativlotse: DATABASE_URL ${err.message}`);
		throw err;
	}
}

/** A database that cannot be reached or migrated, as one line with exit code 1. */
export function databaseProblem(err: unknown, kind: string): CliExit {
	const e = err as { code?: string; message?: string };
	return new CliExit(
		1,
		`Kreativlotse: cannot use the ${kind} database (DATABASE_URL): ${e.code ?? ''} ${e.message ?? String(err)}`.replace(
			/\s+/g,
			' '
		)
	);
}

/**
 * What the server does at start, minus demo data: migrate and seed reference data (both
 * idempotent), so a command can run against a fresh database.
 */
export async function readyServices(io: CliIo): Promise<Services> {
	const services = openServices(io);
	try {
		await migrateToLatest(services.db);
		await seedReferenceData(services.db, services.clock.now());
	} catch (err) {
		await services.close().catch(() => {});
		throw databaseProblem(err, services.config.database.kind);
	}
	return services;
}

/** Runs work with services and always closes the database afterwards. */
export async function withServices<T>(services: Services, work: (s: Services) => Promise<T>): Promise<T> {
	try {
		return await work(services);
	} finally {
		await services.close();
	}
}
