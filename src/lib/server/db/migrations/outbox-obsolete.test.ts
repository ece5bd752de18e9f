import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
	dialectUnderTest,
	type TestServices,
	testServices
} from '../../../../../tests/support/test-database';
import { down, up } from './2026-12-04-17-outbox-obsolete';
import { servicesClosedAfterEach } from '../../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

const pg = dialectUnderTest === 'postgres';

async function indexes(s: TestServices): Promise<string[]> {
	const rows = pg
		? await sql<{ d: string }>`select indexdef as d from pg_indexes where tablename = 'outbox'`.execute(s.db)
		: await sql<{ d: string }>`select name || ':' || coalesce(sql, 'auto') as d from sqlite_master
				where tbl_name = 'outbox' and type in ('index', 'trigger')`.execute(s.db);
	return rows.rows.map((r) => r.d).sort();
}

function mail(status: string, id: number) {
	return {
		id,
		created_at: 1,
		template: 'booking.hold',
		locale: 'de',
		to_address: `p${id}@example.org`,
		to_name: '',
		subject: 'S',
		text_body: 'T',
		html_body: 'H',
		status: status as 'sent',
		attempts: 2,
		next_attempt_at: 5,
		dedupe_key: `k${id}`
	};
}

describe('migration 2026-12-04-17-outbox-obsolete', () => {
	it('adds the obsolete status and valid_until; rows, ids, indexes and triggers survive both ways', async () => {
		s = await testServices();
		const db = s.db;
		await down(db);
		await expect(db.insertInto('outbox').values(mail('obsolete', 900)).execute()).rejects.toThrow();
		await db
			.insertInto('outbox')
			.values([mail('sent', 901), mail('dead', 902), mail('pending', 903)])
			.execute();
		// An extra index (and on SQLite a trigger) must come back unchanged after the table rebuild.
		await sql`create index outbox_subject_test_idx on outbox (subject_kind, subject_id)`.execute(db);
		if (!pg)
			await sql`create trigger outbox_test_trg before delete on outbox when old.id = 1
				begin select raise(abort, 'kept'); end`.execute(db);
		const before = await indexes(s);
		const rowsBefore = await db.selectFrom('outbox').selectAll().orderBy('id').execute();

		await up(db);
		expect(await indexes(s)).toEqual(before);
		const rowsAfter = await db.selectFrom('outbox').selectAll().orderBy('id').execute();
		expect(rowsAfter).toEqual(rowsBefore.map((r) => ({ ...r, valid_until: null })));
		await db
			.insertInto('outbox')
			.values({ ...mail('obsolete', 904), valid_until: 7 })
			.execute();
		await expect(db.insertInto('outbox').values(mail('bogus', 905)).execute()).rejects.toThrow();
		// The unique dedupe key is still enforced.
		await expect(
			db
				.insertInto('outbox')
				.values({ ...mail('sent', 906), dedupe_key: 'k901' })
				.execute()
		).rejects.toThrow();
		if (!pg) {
			// AUTOINCREMENT keeps counting past the highest id ever used.
			const next = await db
				.insertInto('outbox')
				.values({ ...mail('sent', 0), id: undefined as never, dedupe_key: 'fresh' })
				.returning('id')
				.executeTakeFirstOrThrow();
			expect(Number(next.id)).toBeGreaterThan(904);
		}

		// Down again: obsolete rows become dead, the old check is back.
		await down(db);
		const back = await db
			.selectFrom('outbox')
			.select(['id', 'status'])
			.where('id', '=', 904)
			.executeTakeFirstOrThrow();
		expect(back.status).toBe('dead');
		await expect(db.insertInto('outbox').values(mail('obsolete', 907)).execute()).rejects.toThrow();
		await up(db);
		expect(await indexes(s)).toEqual(before);
	});
});
