import { type Kysely, sql } from 'kysely';
import { instantType, isPostgres } from './dialect';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// Issue 12: a mail whose purpose has passed (a booking hold's confirmation after the hold ended,
// a waiting-list offer after it lapsed) is never sent; the outbox marks it 'obsolete'.
// `valid_until` is set when such a mail is enqueued; the status CHECK gains 'obsolete'.

const OLD_CHECK = `status in ('pending', 'sending', 'sent', 'dead')`;
const NEW_CHECK = `status in ('pending', 'sending', 'sent', 'dead', 'obsolete')`;

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('outbox').addColumn('valid_until', instantType(db)).execute();
	await replaceStatusCheck(db, OLD_CHECK, NEW_CHECK);
}

export async function down(db: Kysely<any>): Promise<void> {
	// Obsolete mails were never sent; the old schema can only hold them as dead.
	await db.updateTable('outbox').set({ status: 'dead' }).where('status', '=', 'obsolete').execute();
	await replaceStatusCheck(db, NEW_CHECK, OLD_CHECK);
	await db.schema.alterTable('outbox').dropColumn('valid_until').execute();
}

async function replaceStatusCheck(db: Kysely<any>, from: string, to: string): Promise<void> {
	if (isPostgres(db)) {
		// The foundation declared the check on the column without a name; PostgreSQL named it.
		const checks = await sql<{ conname: string }>`
			select conname from pg_constraint
			where conrelid = 'outbox'::regclass and contype = 'c'
			and pg_get_constraintdef(oid) like '%status%'`.execute(db);
		for (const c of checks.rows)
			await sql`alter table outbox drop constraint ${sql.id(c.conname)}`.execute(db);
		await sql`alter table outbox add constraint outbox_status_check check (${sql.raw(to)})`.execute(db);
		return;
	}
	await rebuildSqliteOutbox(db, from, to);
}

/**
 * SQLite cannot alter a CHECK constraint: the table is rebuilt from its own stored definition with
 * only the check text replaced (https://sqlite.org/lang_altertable.html, "other kinds of table schema
 * changes"), rows copied column by column, and its indexes and triggers re-created from their stored
 * SQL. No table references outbox by foreign key, so dropping the old table breaks nothing.
 */
async function rebuildSqliteOutbox(db: Kysely<any>, from: string, to: string): Promise<void> {
	const objects = await sql<{ type: string; name: string; sql: string | null }>`
		select type, name, sql from sqlite_master where tbl_name = 'outbox'`.execute(db);
	const table = objects.rows.find((o) => o.type === 'table');
	if (!table?.sql) throw new Error('outbox-obsolete: table outbox not found');
	if (!table.sql.includes(from)) throw new Error('outbox-obsolete: status check not as expected');
	const referencing = await sql<{ name: string }>`
		select m.name from sqlite_master m, pragma_foreign_key_list(m.name) f
		where m.type = 'table' and f."table" = 'outbox'`.execute(db);
	if (referencing.rows.length > 0) throw new Error('outbox-obsolete: a table references outbox');
	const created = table.sql
		.replace(from, to)
		.replace(/^create table\s+("outbox"|outbox)/i, 'create table "outbox_rebuild"');
	if (!created.startsWith('create table "outbox_rebuild"'))
		throw new Error('outbox-obsolete: unexpected table SQL');
	const columns = (
		await sql<{ name: string }>`select name from pragma_table_info('outbox')`.execute(db)
	).rows.map((c) => c.name);
	const list = sql.join(columns.map((c) => sql.id(c)));
	// AUTOINCREMENT never reuses an id, even of a deleted row; the rebuilt table keeps that promise.
	const sequence = await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'outbox'`.execute(
		db
	);
	await sql.raw(created).execute(db);
	await sql`insert into outbox_rebuild (${list}) select ${list} from outbox`.execute(db);
	await sql`drop table outbox`.execute(db);
	await sql`alter table outbox_rebuild rename to outbox`.execute(db);
	const seq = Number(sequence.rows[0]?.seq ?? 0);
	await sql`delete from sqlite_sequence where name = 'outbox'`.execute(db);
	await sql`insert into sqlite_sequence (name, seq) values ('outbox', ${seq})`.execute(db);
	// Automatic indexes (UNIQUE) carry no SQL and come back with the table; the rest is re-created.
	for (const o of objects.rows) {
		if ((o.type === 'index' || o.type === 'trigger') && o.sql) await sql.raw(o.sql).execute(db);
	}
}
