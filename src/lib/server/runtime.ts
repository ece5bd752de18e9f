import { join, dirname, resolve } from 'node:path';
import { type AppDatabase, createDb } from './db/client';
import { type Clock, systemClock } from './platform/clock';
import type { Config } from './platform/config';
import { createSecretBox, developmentSecret, type SecretBox } from './platform/secret-box';
import type { Db } from './db/transaction';

/**
 * Everything a command needs from the outside world, passed explicitly. The server builds one
 * at start-up (hooks.server.ts `init`), the CLI builds its own, tests build one per database.
 */
export interface Services {
	config: Config;
	db: Db;
	dialect: AppDatabase['dialect'];
	clock: Clock;
	secrets: SecretBox;
	close(): Promise<void>;
	/** PostgreSQL pool use for /metrics (absent on SQLite). */
	poolStats?: AppDatabase['poolStats'];
}

export function createServices(config: Config, clock: Clock = systemClock): Services {
	const database = createDb(config.database);
	const keyFile =
		config.database.kind === 'sqlite' && config.database.path !== ':memory:'
			? join(dirname(resolve(config.database.path)), '.secret-key')
			: resolve('data/.secret-key');
	const secret = config.secretKey ?? developmentSecret(keyFile);
	return {
		config,
		db: database.db,
		dialect: database.dialect,
		clock,
		secrets: createSecretBox(secret),
		close: database.close,
		poolStats: database.poolStats
	};
}

let current: Services | null = null;

export function setServices(services: Services): void {
	current = services;
}

/** The server's services; throws before `init` has run, which is a programming error. */
export function services(): Services {
	if (!current) throw new Error('services() called before the server was initialised');
	return current;
}
