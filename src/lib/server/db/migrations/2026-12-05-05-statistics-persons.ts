import { type Kysely, sql } from 'kysely';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// Issue 14: distinct people per year and scope, kept with the facts (statistics/
// people-aggregates.ts), so the one-year dashboard of a national network no longer groups a
// year of facts by person. Backfilled here from the facts (same SQL as rebuildPeopleAggregates;
// a migration is frozen, so it carries its own copy).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('stat_person_year')
		.addColumn('year', 'text', (c) => c.notNull())
		.addColumn('scope', 'text', (c) => c.notNull())
		.addColumn('person', 'text', (c) => c.notNull())
		.addColumn('n', 'integer', (c) => c.notNull())
		.addColumn('d0', 'integer')
		.addColumn('d1', 'integer')
		.addPrimaryKeyConstraint('stat_person_year_pk', ['year', 'scope', 'person'])
		.execute();
	await db.schema
		.createTable('stat_people_year')
		.addColumn('year', 'text', (c) => c.notNull())
		.addColumn('scope', 'text', (c) => c.notNull())
		.addColumn('gap', 'integer', (c) => c.notNull())
		.addColumn('multi', 'integer', (c) => c.notNull())
		.addColumn('has_first', 'integer', (c) => c.notNull())
		.addColumn('n', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('stat_people_year_pk', ['year', 'scope', 'gap', 'multi', 'has_first'])
		.execute();
	// One person's facts of a year, when a fact changes.
	await db.schema
		.createIndex('stat_consultation_person_idx')
		.on('stat_consultation')
		.columns(['person', 'month'])
		.execute();

	const scopes = [
		{ expr: sql`'all'`, by: sql`1, 3` },
		{ expr: sql`'o:' || cast(office_id as text)`, by: sql`1, 2, 3` },
		{ expr: sql`'l:' || land_iso`, by: sql`1, 2, 3` },
		{ expr: sql`'o:' || cast(office_id as text) || '|l:' || land_iso`, by: sql`1, 2, 3` }
	];
	for (const s of scopes)
		await sql`insert into stat_person_year (year, scope, person, n, d0, d1)
			select substr(month, 1, 4), ${s.expr}, person, count(*),
				min(case when kind = 'first' then day_no end),
				min(case when kind = 'follow_up' then day_no end)
			from stat_consultation group by ${s.by}`.execute(db);
	await sql`insert into stat_people_year (year, scope, gap, multi, has_first, n)
		select year, scope,
			case when d0 is not null and d1 >= d0 then d1 - d0 else -1 end,
			case when n >= 2 then 1 else 0 end,
			case when d0 is not null then 1 else 0 end,
			count(*)
		from stat_person_year group by 1, 2, 3, 4, 5`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('stat_consultation_person_idx').execute();
	await db.schema.dropTable('stat_people_year').execute();
	await db.schema.dropTable('stat_person_year').execute();
}
