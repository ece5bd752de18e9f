import { ensureConsentTexts } from './booking/index';
import { migrateToLatest } from './db/migrate';
import { DatabaseOpenError } from './db/client';
import { type DemoLogin, printDemoLogins } from './identity/index';
import { printDemoSummary, seedDemoNetwork } from './demo/index';
import { ConfigError, formatConfigError, loadConfig } from './platform/config';
import { log } from './platform/logger';
import { offsetClock, systemClock } from './platform/clock';
import { seedReferenceData } from './reference/index';
import { RetentionConfigError, retentionPeriods } from './privacy/index';
import { seedDirectory } from './directory/index';
import { createServices, type Services } from './runtime';
import { needsBackfill, rebuildStatistics } from './statistics/index';

export interface BootResult {
	services: Services;
	demoLogins: DemoLogin[] | null;
}

/**
 * Start-up shared by the server and the CLI: validate configuration, open the database,
 * migrate, seed reference data (idempotent) and, outside production, demo data into an empty
 * database. A problem a person can fix ends the process with one line and exit code 1.
 */
export async function boot(options: { seedDemo?: boolean } = {}): Promise<BootResult> {
	let services: Services;
	try {
		const config = loadConfig();
		checkRetentionDays(config.retentionDays);
		services = createServices(config, e2eClockEnabled(config.production) ? offsetClock() : systemClock);
	} catch (err) {
		exitWith(err);
	}
	try {
		await migrateToLatest(services.db);
	} catch (err) {
		exitWith(err, services.config.database.kind);
	}
	await seedReferenceData(services.db, services.clock.now());
	await seedDirectory(services.db, services.clock.now());
	await ensureConsentTexts(services.db, services.clock.now());
	let demoLogins: DemoLogin[] | null = null;
	if ((options.seedDemo ?? true) && services.config.seedDemo) {
		// A network with a year of life (demo/network.ts), built by the product's own commands.
		const report = await seedDemoNetwork(services, { progress: (l) => log.info(l) });
		if (report) {
			demoLogins = report.logins;
			printDemoSummary(report, (l) => log.info(l));
		}
	}
	// Statistics facts for data written before they existed (decision 008); a no-op afterwards.
	if (await needsBackfill(services.db))
		await rebuildStatistics(services.db, {
			now: services.clock.now().getTime(),
			progress: (l) => log.info(l)
		});
	return { services, demoLogins };
}

/** RETENTION_DAYS may only name categories of the retention table: a typo fails the start. */
function checkRetentionDays(overrides: Record<string, number>): void {
	try {
		retentionPeriods(overrides);
	} catch (err) {
		if (err instanceof RetentionConfigError) throw new ConfigError('RETENTION_DAYS', err.message);
		throw err;
	}
}

/** The movable clock exists only for the end-to-end suite, never in production. */
export function e2eClockEnabled(production: boolean): boolean {
	return process.env.KL_E2E === '1' && !production && process.env.NODE_ENV !== 'production';
}

function exitWith(err: unknown, kind?: string): never {
	if (err instanceof ConfigError) console.error(formatConfigError(err));
	else if (err instanceof DatabaseOpenError) console.error(`Kreativlotse: DATABASE_URL ${err.message}`);
	else {
		const e = err as { code?: string; message?: string };
		console.error(
			`Kreativlotse: cannot use the ${kind ?? ''} database (DATABASE_URL): ${e.code ?? ''} ${e.message ?? String(err)}`.replace(
				/\s+/g,
				' '
			)
		);
	}
	process.exit(1);
}

export function announce(services: Services, demoLogins: DemoLogin[] | null): void {
	const { config } = services;
	console.log(`Kreativlotse läuft auf / is running at ${config.origin}  (database: ${config.database.kind})`);
	if (demoLogins) printDemoLogins(demoLogins, config.origin);
	if (!config.smtpUrl)
		console.log(`Ohne SMTP_URL bleiben Mails im Postausgang: ${config.origin}/intern/postausgang`);
	log.debug('boot complete');
}
