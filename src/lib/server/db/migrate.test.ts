import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import { createDb } from './client';
import { migrateToLatest, migrationState } from './migrate';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

async function shape(db: ReturnType<typeof createDb>['db']) {
	const tables = await db.introspection.getTables();
	return Object.fromEntries(
		tables
			// The search indexes differ by design (FTS5 virtual tables and their shadow tables on SQLite,
			// a tsvector table on PostgreSQL; full-text-search.ts hides the difference). Their own tests
			// run on both dialects.
			.filter((t) => !t.name.startsWith('kysely_') && !/_search(_|$)/.test(t.name))
			.map((t) => [
				t.name, // SQLite reports an INTEGER PRIMARY KEY (the rowid) as nullable; it never is.
				t.columns.map((c) => `${c.name}${c.isNullable && c.name !== 'id' ? '?' : ''}`).sort()
			])
	);
}

describe('migrations', () => {
	it('run once; a second run is a no-op and the state is current', async () => {
		s = await testServices();
		expect(await migrationState(s.db)).toBe('current');
		const again = await migrateToLatest(s.db);
		expect(again.results).toEqual([]);
	});

	it('give the same tables and columns on this dialect as on SQLite', async () => {
		s = await testServices();
		const path = join(mkdtempSync(join(tmpdir(), 'kl-shape-')), 'shape.db');
		const reference = createDb({ kind: 'sqlite', path });
		await migrateToLatest(reference.db);
		try {
			expect(await shape(s.db)).toEqual(await shape(reference.db));
		} finally {
			await reference.close();
		}
	});

	it('enforce foreign keys and checks in the database', async () => {
		s = await testServices();
		await expect(
			s.db.insertInto('office_land').values({ office_id: 99999, land_iso: 'DE-BE' }).execute()
		).rejects.toThrow();
		const office = await s.db.selectFrom('office').select('id').executeTakeFirstOrThrow();
		const t = Date.now();
		const user = await s.db
			.insertInto('staff_user')
			.values({ email: 'x@y.de', name: 'X', is_network_admin: 0, locale: 'de', created_at: t, updated_at: t })
			.returning('id')
			.executeTakeFirstOrThrow();
		await expect(
			s.db
				.insertInto('staff_membership')
				.values({ user_id: user.id, office_id: office.id, role: 'boss' as 'consultant' })
				.execute()
		).rejects.toThrow();
	});
});
