import { type Kysely, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';
import * as foundation from './migrations/2026-11-29-01-foundation';
import * as booking from './migrations/2026-11-29-02-booking';
import * as outboxIcs from './migrations/2026-11-29-03-outbox-ics';
import * as directory from './migrations/2026-11-29-04-directory';
import * as creatives from './migrations/2026-11-29-05-creatives';
import * as accompaniment from './migrations/2026-11-29-06-accompaniment';
import * as events from './migrations/2026-11-29-07-events';
import * as statistics from './migrations/2026-11-29-08-statistics';
import * as visibility from './migrations/2026-11-29-09-visibility';
import * as postcodes from './migrations/2026-12-04-10-postcodes';
import * as caseMessages from './migrations/2026-12-04-13-case-messages';
import * as privacy from './migrations/2026-12-04-11-privacy';
import * as calendarFeed from './migrations/2026-12-04-14-calendar-feed';
import * as usability from './migrations/2026-12-04-15-usability';
import * as consentWithdrawal from './migrations/2026-12-04-16-consent-withdrawal';
import * as outboxObsolete from './migrations/2026-12-04-17-outbox-obsolete';
import * as freeTextGuard from './migrations/2026-12-05-01-free-text-guard';
import * as waitlistOptin from './migrations/2026-12-05-02-waitlist-optin';
import * as staffLists from './migrations/2026-12-05-04-staff-lists';
import * as statisticsPersons from './migrations/2026-12-05-05-statistics-persons';
import * as searchPaging from './migrations/2026-12-05-03-search-paging';
import * as scaleIndexes from './migrations/2026-12-05-06-scale-indexes';
import * as messageAnswerIndexes from './migrations/2026-12-06-01-message-answer-indexes';
import * as statisticsCases from './migrations/2026-12-06-02-statistics-cases';
import * as referralServicePeriod from './migrations/2026-12-06-03-referral-service-period';
import * as consultationMonthDim from './migrations/2026-12-07-01-consultation-month-dim';

// A static map, not FileMigrationProvider: the bundled server has no migrations folder to read.
const migrations = {
	'2026-11-29-01-foundation': foundation,
	'2026-11-29-02-booking': booking,
	'2026-11-29-03-outbox-ics': outboxIcs,
	'2026-11-29-04-directory': directory,
	'2026-11-29-05-creatives': creatives,
	'2026-11-29-06-accompaniment': accompaniment,
	'2026-11-29-07-events': events,
	'2026-11-29-08-statistics': statistics,
	'2026-11-29-09-visibility': visibility,
	'2026-12-04-10-postcodes': postcodes,
	'2026-12-04-13-case-messages': caseMessages,
	'2026-12-04-11-privacy': privacy,
	'2026-12-04-14-calendar-feed': calendarFeed,
	'2026-12-04-15-usability': usability,
	'2026-12-04-16-consent-withdrawal': consentWithdrawal,
	'2026-12-04-17-outbox-obsolete': outboxObsolete,
	'2026-12-05-01-free-text-guard': freeTextGuard,
	'2026-12-05-02-waitlist-optin': waitlistOptin,
	'2026-12-05-03-search-paging': searchPaging,
	'2026-12-05-04-staff-lists': staffLists,
	'2026-12-05-05-statistics-persons': statisticsPersons,
	'2026-12-05-06-scale-indexes': scaleIndexes,
	'2026-12-06-01-message-answer-indexes': messageAnswerIndexes,
	'2026-12-06-02-statistics-cases': statisticsCases,
	'2026-12-06-03-referral-service-period': referralServicePeriod,
	'2026-12-07-01-consultation-month-dim': consultationMonthDim
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export const latestMigration = Object.keys(migrations).sort().at(-1)!;

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
	const result = await new Migrator({ db, provider }).migrateToLatest();
	if (result.error) throw result.error;
	return result;
}

/** 'current' when every known migration has run, else 'pending'. */
export async function migrationState(db: Kysely<any>): Promise<'current' | 'pending'> {
	const all = await new Migrator({ db, provider }).getMigrations();
	return all.every((m) => m.executedAt) ? 'current' : 'pending';
}

/** Every migration with its module, in the order the Migrator runs them (by name). */
export const migrationModules: readonly [string, { up(db: Kysely<any>): Promise<void> }][] = Object.entries(
	migrations
).sort(([a], [b]) => (a < b ? -1 : 1));

/** Every migration this version knows, oldest first (restore compares a backup against it). */
export const knownMigrations: readonly string[] = Object.keys(migrations).sort();
