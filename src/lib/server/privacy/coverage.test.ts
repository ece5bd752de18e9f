import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import { bookingFixture } from '../../../../tests/support/booking-fixtures';
import { signIn } from '../../../../tests/support/portal-fixtures';
import { creativeTables, privacyMap } from './coverage';
import { exportCreative } from './export';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

/**
 * ARCHITECTURE-GUIDE habit 10: every table of the migrated database has a privacy decision.
 * A new table with personal data fails here until it is mapped (export and erasure) or waived
 * with a reason in privacy/coverage.ts.
 */
describe('privacy coverage', () => {
	it('has an entry for every table in the migrated database, and none for a table that does not exist', async () => {
		s = await testServices();
		// SQLite keeps an FTS5 table's index in shadow tables (<name>_data, _idx, …); they are
		// the search table's own storage, covered by its entry.
		const shadow = new Set<string>();
		if (s.dialect === 'sqlite') {
			const virtual = await sql<{ name: string }>`
				select name from sqlite_master where type = 'table' and sql like 'create virtual table%'`.execute(
				s.db
			);
			for (const v of virtual.rows)
				for (const part of ['data', 'idx', 'docsize', 'config', 'content']) shadow.add(`${v.name}_${part}`);
		}
		const tables = (await s.db.introspection.getTables())
			.map((t) => t.name)
			.filter((name) => !name.startsWith('kysely_') && !shadow.has(name))
			.sort();
		const mapped = Object.keys(privacyMap).sort();
		expect(
			tables.filter((t) => !mapped.includes(t)),
			'tables without a privacy decision'
		).toEqual([]);
		expect(
			mapped.filter((t) => !tables.includes(t)),
			'privacy map entries for missing tables'
		).toEqual([]);
	});

	it('says how to export and erase every personal table, and why every other table holds no personal data', () => {
		for (const [table, d] of Object.entries(privacyMap)) {
			if (d.personal) {
				expect(d.subjects.length, table).toBeGreaterThan(0);
				expect(d.export.length, table).toBeGreaterThan(10);
				expect(d.erase.length, table).toBeGreaterThan(10);
			} else {
				expect(d.reason.length, table).toBeGreaterThan(10);
			}
		}
	});

	it('exports a section for every table that holds creatives’ data', async () => {
		s = await testServices();
		await bookingFixture(s);
		// A creative row needs a booking first: one straight in the table will do for the shape.
		const t = s.clock.now().getTime();
		await s.db
			.insertInto('creative')
			.values({ email: 'kim@example.org', email_verified_at: t, created_at: t, updated_at: t })
			.execute();
		const { creativeId } = await signIn(s, 'kim@example.org');
		const exported = await exportCreative(s.db, creativeId, s.clock.now());
		expect(exported).not.toBeNull();
		for (const table of creativeTables()) expect(Object.keys(exported!), table).toContain(table);
	});
});
