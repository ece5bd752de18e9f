import { type Kysely, sql } from 'kysely';
import { instantType, isPostgres } from './dialect';

// Frozen: never edit after it has shipped; add a new migration instead.
// Issue 14: the statistics page's case figures without reading a year of case files.
//
// `stat_case_month` counts case files per Berlin month, office, Land and
// - dim 'opened': month the case was opened, key its status now (cases closed as 'no_talk' left out),
// - dim 'closed': month it was closed, key its close reason ('other' when none), closed cases only,
// exactly the two groupings the dashboard asked of case_file directly. Triggers on case_file keep it
// in the statement's own transaction, so every writer (commands, merge, retention, erasure, bulk
// SQL) keeps it exact without knowing about it. A Land of null is stored as '' (a key column).
//
// `stat_month` holds the instant each Berlin month begins, 2000-01 to 2101-01 (the periods the
// dashboard accepts are 2000–2100): SQLite knows no time zones, so the triggers look a month up here.
// An instant before 2000 maps to month '', one from 2101 on to '2101-01'; no period asks for either.
//
// "Stalled" depends on now and on the office's setting, so it is not counted here; the index below
// lets the dashboard count the open cases with a recent contact (the complement) by a range scan.

/** The instant a Berlin month begins; a frozen copy (migrations import no app code). */
function berlinMonthStart(year: number, month: number): number {
	const utcMidnight = Date.UTC(year, month - 1, 1);
	const fmt = new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Berlin',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	});
	const want = `${year}-${String(month).padStart(2, '0')}-01, 00:00`;
	// Berlin is UTC+1 or UTC+2, and no DST switch falls on the first of a month.
	for (const offset of [3_600_000, 7_200_000]) {
		const candidate = utcMidnight - offset;
		if (fmt.format(candidate) === want) return candidate;
	}
	throw new Error(`no Berlin midnight found for ${want}`);
}

/** One case row's contributions (alias new or old, sign +1 or -1) as rows of a select. */
function contributions(r: 'new' | 'old', sign: 1 | -1): string {
	const month = (at: string) =>
		`coalesce((select m.month from stat_month m where m.starts_at <= ${r}.${at} order by m.starts_at desc limit 1), '')`;
	return `select 'opened' as dim, ${month('opened_at')} as month, ${r}.office_id as office_id,
			coalesce(${r}.land_iso, '') as land_iso, ${r}.status as key, ${sign} as d
		where ${r}.close_reason is null or ${r}.close_reason <> 'no_talk'
		union all
		select 'closed', ${month('closed_at')}, ${r}.office_id, coalesce(${r}.land_iso, ''),
			coalesce(${r}.close_reason, 'other'), ${sign}
		where ${r}.status = 'closed' and ${r}.closed_at is not null`;
}

/**
 * One statement per trigger: an update's old and new contributions net out per key first (one
 * upsert may not touch a row twice on PostgreSQL), and rows are locked in key order, so two
 * concurrent changes moving cases in opposite directions cannot deadlock on PostgreSQL.
 */
function upsert(parts: string[]): string {
	return `insert into stat_case_month (dim, month, office_id, land_iso, key, n)
		select dim, month, office_id, land_iso, key, sum(d) from (${parts.join(' union all ')}) c
		where true group by dim, month, office_id, land_iso, key having sum(d) <> 0
		order by dim, month, office_id, land_iso, key
		on conflict (dim, month, office_id, land_iso, key) do update set n = stat_case_month.n + excluded.n`;
}

const WATCHED = 'office_id, land_iso, status, opened_at, closed_at, close_reason';

async function triggersSqlite(db: Kysely<any>): Promise<void> {
	const triggers = [
		`create trigger stat_case_month_insert after insert on case_file begin ${upsert([contributions('new', 1)])}; end`,
		`create trigger stat_case_month_update after update of ${WATCHED} on case_file begin
			${upsert([contributions('old', -1), contributions('new', 1)])}; end`,
		`create trigger stat_case_month_delete after delete on case_file begin ${upsert([contributions('old', -1)])}; end`
	];
	for (const t of triggers) await sql.raw(t).execute(db);
}

async function triggersPostgres(db: Kysely<any>): Promise<void> {
	await sql
		.raw(
			`create function stat_case_month_sync() returns trigger language plpgsql as $$
			begin
				if tg_op = 'INSERT' then ${upsert([contributions('new', 1)])};
				elsif tg_op = 'DELETE' then ${upsert([contributions('old', -1)])};
				else ${upsert([contributions('old', -1), contributions('new', 1)])};
				end if;
				return null;
			end $$`
		)
		.execute(db);
	await sql
		.raw(
			`create trigger stat_case_month_sync after insert or delete or update of ${WATCHED} on case_file
			for each row execute function stat_case_month_sync()`
		)
		.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('stat_month')
		.addColumn('month', 'text', (c) => c.primaryKey().notNull())
		.addColumn('starts_at', instantType(db), (c) => c.notNull().unique())
		.execute();
	const months: { month: string; starts_at: number }[] = [];
	for (let y = 2000; y <= 2100; y++)
		for (let m = 1; m <= 12; m++)
			months.push({ month: `${y}-${String(m).padStart(2, '0')}`, starts_at: berlinMonthStart(y, m) });
	months.push({ month: '2101-01', starts_at: berlinMonthStart(2101, 1) });
	for (let i = 0; i < months.length; i += 200)
		await db
			.insertInto('stat_month')
			.values(months.slice(i, i + 200))
			.execute();

	await db.schema
		.createTable('stat_case_month')
		.addColumn('dim', 'text', (c) => c.notNull())
		.addColumn('month', 'text', (c) => c.notNull())
		.addColumn('office_id', 'integer', (c) => c.notNull())
		.addColumn('land_iso', 'text', (c) => c.notNull())
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('n', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('stat_case_month_pk', ['dim', 'month', 'office_id', 'land_iso', 'key'])
		.execute();
	if (isPostgres(db)) await triggersPostgres(db);
	else await triggersSqlite(db);
	// Backfill: the triggers' contributions of every existing case, grouped.
	await sql
		.raw(
			`insert into stat_case_month (dim, month, office_id, land_iso, key, n)
			select dim, month, office_id, land_iso, key, sum(d) from (
				select ${contributionColumns('opened')} from case_file r
				where r.close_reason is null or r.close_reason <> 'no_talk'
				union all
				select ${contributionColumns('closed')} from case_file r
				where r.status = 'closed' and r.closed_at is not null
			) c group by dim, month, office_id, land_iso, key`
		)
		.execute(db);

	// Open cases by their last contact (the opening when none): the dashboard counts those contacted
	// within the stalled window by a range scan, however many cases the years before left open.
	await sql
		.raw(
			`create index case_file_open_contact_idx on case_file
			(status, (coalesce(last_contact_at, opened_at)), opened_at, office_id, land_iso, close_reason)`
		)
		.execute(db);
}

/** The backfill's columns for one dim, the same expressions as the triggers' contributions. */
function contributionColumns(dim: 'opened' | 'closed'): string {
	const at = dim === 'opened' ? 'opened_at' : 'closed_at';
	const key = dim === 'opened' ? 'r.status' : `coalesce(r.close_reason, 'other')`;
	return `'${dim}' as dim,
		coalesce((select m.month from stat_month m where m.starts_at <= r.${at} order by m.starts_at desc limit 1), '') as month,
		r.office_id as office_id, coalesce(r.land_iso, '') as land_iso, ${key} as key, 1 as d`;
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql.raw('drop index case_file_open_contact_idx').execute(db);
	if (isPostgres(db)) {
		await sql.raw('drop trigger stat_case_month_sync on case_file').execute(db);
		await sql.raw('drop function stat_case_month_sync()').execute(db);
	} else
		for (const t of ['insert', 'update', 'delete'])
			await sql.raw(`drop trigger stat_case_month_${t}`).execute(db);
	await db.schema.dropTable('stat_case_month').execute();
	await db.schema.dropTable('stat_month').execute();
}
