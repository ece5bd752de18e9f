import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDb, refreshPlannerStatistics } from './client';

/**
 * Issue 14: SQLite's planner gets table statistics (sqlite_stat1) without an operator running
 * ANALYZE: at open and from the housekeeping job. Without them it read every case file to find
 * no unanswered message. A file-backed database only (PostgreSQL's autovacuum analyses itself).
 */
const statRows = async (db: ReturnType<typeof createDb>['db']) => {
	const exists = await sql<{
		n: number;
	}>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db);
	if (Number(exists.rows[0]!.n) === 0) return [];
	return (
		await sql<{
			tbl: string;
			idx: string | null;
			stat: string;
		}>`select tbl, idx, stat from sqlite_stat1 where tbl = 'item'`.execute(db)
	).rows;
};

describe('planner statistics on SQLite', () => {
	it('are taken when the file is opened and refreshed when a table grew', async () => {
		const path = join(mkdtempSync(join(tmpdir(), 'kl-stat1-')), 'stat.db');
		let app = createDb({ kind: 'sqlite', path });
		await sql`create table item (id integer primary key, kind text not null)`.execute(app.db);
		await sql`create index item_kind_idx on item (kind)`.execute(app.db);
		await sql`with recursive n(v) as (select 1 union all select v + 1 from n where v < 200)
			insert into item (kind) select case when v % 2 = 0 then 'a' else 'b' end from n`.execute(app.db);
		expect(await statRows(app.db)).toEqual([]);
		await app.close();

		app = createDb({ kind: 'sqlite', path });
		const atOpen = await statRows(app.db);
		expect(atOpen.find((r) => r.idx === 'item_kind_idx')?.stat).toBe('200 100');

		await sql`with recursive n(v) as (select 1 union all select v + 1 from n where v < 5000)
			insert into item (kind) select 'c' || (v % 50) from n`.execute(app.db);
		// optimize looks at the tables the connection has queried since it opened, as the app does.
		await sql`select count(*) from item where kind = 'c1'`.execute(app.db);
		await refreshPlannerStatistics(app.db, 'sqlite');
		const refreshed = await statRows(app.db);
		expect(refreshed.find((r) => r.idx === 'item_kind_idx')?.stat.split(' ')[0]).toBe('5200');
		await app.close();
	});
});
