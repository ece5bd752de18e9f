import { dialectUnderTest } from './test-database';

/**
 * The name of a test that runs work in parallel. On PostgreSQL the requests really overlap (a
 * pool of connections), so the test proves the race is handled. On SQLite one connection runs
 * them one after the other: the test then proves only that the guard (a conditional update, a
 * unique key) refuses the second one, and its name says so rather than claim a race it cannot
 * lose (issue 17).
 */
export function raceTest(name: string): string {
	return dialectUnderTest === 'postgres'
		? `${name} (a real race on PostgreSQL)`
		: `${name} (serialised by one SQLite connection: proves the guard, not the race)`;
}
