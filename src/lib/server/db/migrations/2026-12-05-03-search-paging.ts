import { type Kysely, sql } from 'kysely';
import { isPostgres } from './dialect';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// Issue 14: full-text search for public profiles, events and contact points, and the indexes the
// public lists page by. One search table per kind, kept in sync by triggers on the tables they
// index (so no command can forget it), backfilled here.
//   SQLite: a contentless FTS5 table (rowid = the indexed row's id; contentless_delete so a
//           trigger can drop a row by id), unicode61 folding case and diacritics.
//   PostgreSQL: a table (id, tsvector) with a GIN index; 'german' stems plus 'simple' lexemes
//           (prefix search as people type matches unstemmed words).
// Umlauts: the indexed text carries each word three times — as written, with ä→ae … ß→ss, and
// with the diacritics dropped — so "Müller" is found by "müller", "mueller" and "muller" alike.
// This is done with replace()/translate() in SQL, not the unaccent extension, which a production
// PostgreSQL cannot be assumed to have (it needs a superuser to create).

const UMLAUTS: [string, string][] = [
	['ä', 'ae'],
	['ö', 'oe'],
	['ü', 'ue'],
	['Ä', 'Ae'],
	['Ö', 'Oe'],
	['Ü', 'Ue'],
	['ß', 'ss']
];
const ACCENTED = 'äöüÄÖÜáàâãåéèêëíìîïóòôõúùûçñÁÀÂÃÅÉÈÊËÍÌÎÏÓÒÔÕÚÙÛÇÑ';
const PLAIN = 'aouAOUaaaaaeeeeiiiioooouuucnAAAAAEEEEIIIIOOOOUUUCN';

/** SQL text of `expr` with umlauts spelled out (both dialects have replace()). */
function spelledOut(expr: string): string {
	return UMLAUTS.reduce((acc, [from, to]) => `replace(${acc}, '${from}', '${to}')`, expr);
}

/** The three spellings of a text, as SQL (PostgreSQL adds the translate() one; FTS5 folds itself). */
function variants(expr: string, pg: boolean): string {
	const base = `coalesce(${expr}, '')`;
	const parts = [base, spelledOut(base)];
	if (pg) parts.push(`translate(${base}, '${ACCENTED}', '${PLAIN}')`);
	return parts.join(` || ' ' || `);
}

interface Indexed {
	/** search table */
	table: string;
	/** SQL of the text to index for row `r` (alias of the indexed table). */
	body: (r: string) => string;
	/** SQL condition: whether row `r` belongs in the index at all. */
	indexable: (r: string) => string;
	source: string;
	columns: string[];
}

const join = (...parts: string[]) => parts.map((p) => `coalesce(${p}, '')`).join(` || ' ' || `);

const PROFILE: Indexed = {
	table: 'profile_search',
	source: 'profile',
	// Only what /kreative shows: a profile enters the index when published and leaves it when it is
	// unpublished, hidden or erased.
	body: (r) => join(`${r}.display_name`, `${r}.town`, `${r}.services`, `${r}.bio`),
	indexable: (r) => `${r}.status = 'published' and ${r}.hidden_at is null and ${r}.erased_at is null`,
	columns: ['display_name', 'town', 'services', 'bio', 'status', 'hidden_at', 'erased_at']
};

const EVENT: Indexed = {
	table: 'event_search',
	source: 'event',
	// Public text only: never the online link or the contact address.
	body: (r) => join(`${r}.title`, `${r}.venue_name`, `${r}.venue_address`, `${r}.description`),
	indexable: () => '1 = 1',
	columns: ['title', 'venue_name', 'venue_address', 'description']
};

function contactPointBody(pg: boolean) {
	const agg = pg
		? `(select string_agg(s.name || ' ' || s.description, ' ') from cp_service s where s.organization_id = o.id)`
		: `(select group_concat(s.name || ' ' || s.description, ' ') from cp_service s where s.organization_id = o.id)`;
	return join('o.name', 'o.description', agg);
}

export async function up(db: Kysely<any>): Promise<void> {
	const pg = isPostgres(db);
	// The upcoming events list reads published events by their end; the API pages profiles by
	// (first_approved_at, id).
	await db.schema.createIndex('event_status_end_idx').on('event').columns(['status', 'end_at']).execute();
	await db.schema
		.createIndex('profile_keyset_idx')
		.on('profile')
		.columns(['status', 'first_approved_at', 'id'])
		.execute();
	await db.schema
		.createIndex('profile_name_idx')
		.on('profile')
		.columns(['status', 'display_name', 'id'])
		.execute();
	if (pg) await upPostgres(db);
	else await upSqlite(db);
}

async function upSqlite(db: Kysely<any>): Promise<void> {
	for (const t of ['profile_search', 'event_search', 'contact_point_search'])
		await sql
			.raw(
				`create virtual table ${t} using fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`
			)
			.execute(db);
	for (const x of [PROFILE, EVENT]) {
		const insert = (r: string) =>
			`insert into ${x.table} (rowid, body) select ${r}.id, ${variants(x.body(r), false)} where ${x.indexable(r)};`;
		await sql
			.raw(`create trigger ${x.table}_insert after insert on ${x.source} begin ${insert('new')} end`)
			.execute(db);
		await sql
			.raw(
				`create trigger ${x.table}_update after update of ${x.columns.join(', ')} on ${x.source} begin
				delete from ${x.table} where rowid = old.id; ${insert('new')} end`
			)
			.execute(db);
		await sql
			.raw(
				`create trigger ${x.table}_delete after delete on ${x.source} begin delete from ${x.table} where rowid = old.id; end`
			)
			.execute(db);
		await sql
			.raw(
				`insert into ${x.table} (rowid, body) select r.id, ${variants(x.body('r'), false)} from ${x.source} r where ${x.indexable('r')}`
			)
			.execute(db);
	}
	// A contact point (organisation) is indexed with its services' names and descriptions.
	const reindex = (idExpr: string) =>
		`delete from contact_point_search where rowid = ${idExpr};
		insert into contact_point_search (rowid, body)
		select o.id, ${variants(contactPointBody(false), false)} from cp_organization o where o.id = ${idExpr};`;
	await sql
		.raw(
			`create trigger contact_point_search_org_insert after insert on cp_organization begin ${reindex('new.id')} end`
		)
		.execute(db);
	await sql
		.raw(
			`create trigger contact_point_search_org_update after update of name, description on cp_organization begin ${reindex('new.id')} end`
		)
		.execute(db);
	await sql
		.raw(
			`create trigger contact_point_search_org_delete after delete on cp_organization begin delete from contact_point_search where rowid = old.id; end`
		)
		.execute(db);
	await sql
		.raw(
			`create trigger contact_point_search_service_insert after insert on cp_service begin ${reindex('new.organization_id')} end`
		)
		.execute(db);
	await sql
		.raw(
			`create trigger contact_point_search_service_update after update of name, description, organization_id on cp_service begin ${reindex('old.organization_id')} ${reindex('new.organization_id')} end`
		)
		.execute(db);
	await sql
		.raw(
			`create trigger contact_point_search_service_delete after delete on cp_service begin ${reindex('old.organization_id')} end`
		)
		.execute(db);
	await sql
		.raw(
			`insert into contact_point_search (rowid, body) select o.id, ${variants(contactPointBody(false), false)} from cp_organization o`
		)
		.execute(db);
}

async function upPostgres(db: Kysely<any>): Promise<void> {
	await postgresProfileAndEventSearch(db);
	await postgresContactPointSearch(db);
}

/** The search function, the three index tables, and profiles and events kept indexed by triggers. */
async function postgresProfileAndEventSearch(db: Kysely<any>): Promise<void> {
	// German stems for whole words, 'simple' lexemes for prefixes; immutable so indexes may use it.
	await sql
		.raw(
			`create function kl_search_vector(body text) returns tsvector language sql immutable as
			$$ select to_tsvector('german', body) || to_tsvector('simple', body) $$`
		)
		.execute(db);
	for (const [table, source] of [
		['profile_search', 'profile'],
		['event_search', 'event'],
		['contact_point_search', 'cp_organization']
	] as const) {
		await sql
			.raw(
				`create table ${table} (id integer primary key references ${source}(id) on delete cascade, document tsvector not null)`
			)
			.execute(db);
		await sql.raw(`create index ${table}_document_idx on ${table} using gin (document)`).execute(db);
	}
	for (const x of [PROFILE, EVENT]) {
		await sql
			.raw(
				`create function ${x.table}_sync() returns trigger language plpgsql as $$
				begin
					delete from ${x.table} where id = new.id;
					if ${x.indexable('new')} then
						insert into ${x.table} (id, document) values (new.id, kl_search_vector(${variants(x.body('new'), true)}));
					end if;
					return null;
				end $$`
			)
			.execute(db);
		await sql
			.raw(
				`create trigger ${x.table}_sync after insert or update of ${x.columns.join(', ')} on ${x.source}
				for each row execute function ${x.table}_sync()`
			)
			.execute(db);
		await sql
			.raw(
				`insert into ${x.table} (id, document) select r.id, kl_search_vector(${variants(x.body('r'), true)}) from ${x.source} r where ${x.indexable('r')}`
			)
			.execute(db);
	}
}

/** Contact points: one document per organisation, reindexed when it or one of its services changes. */
async function postgresContactPointSearch(db: Kysely<any>): Promise<void> {
	await sql
		.raw(
			`create function contact_point_search_reindex(org integer) returns void language sql as $$
			delete from contact_point_search where id = org;
			insert into contact_point_search (id, document)
			select o.id, kl_search_vector(${variants(contactPointBody(true), true)}) from cp_organization o where o.id = org;
			$$`
		)
		.execute(db);
	await sql
		.raw(
			`create function contact_point_search_org_sync() returns trigger language plpgsql as $$
			begin perform contact_point_search_reindex(new.id); return null; end $$`
		)
		.execute(db);
	await sql
		.raw(
			`create trigger contact_point_search_org_sync after insert or update of name, description on cp_organization
			for each row execute function contact_point_search_org_sync()`
		)
		.execute(db);
	await sql
		.raw(
			`create function contact_point_search_service_sync() returns trigger language plpgsql as $$
			begin
				if tg_op <> 'INSERT' then perform contact_point_search_reindex(old.organization_id); end if;
				if tg_op <> 'DELETE' then perform contact_point_search_reindex(new.organization_id); end if;
				return null;
			end $$`
		)
		.execute(db);
	await sql
		.raw(
			`create trigger contact_point_search_service_sync after insert or delete or update of name, description, organization_id
			on cp_service for each row execute function contact_point_search_service_sync()`
		)
		.execute(db);
	await sql
		.raw(
			`insert into contact_point_search (id, document)
			select o.id, kl_search_vector(${variants(contactPointBody(true), true)}) from cp_organization o`
		)
		.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	const pg = isPostgres(db);
	if (pg) {
		await sql.raw('drop trigger contact_point_search_service_sync on cp_service').execute(db);
		await sql.raw('drop trigger contact_point_search_org_sync on cp_organization').execute(db);
		await sql.raw('drop trigger event_search_sync on event').execute(db);
		await sql.raw('drop trigger profile_search_sync on profile').execute(db);
		for (const f of [
			'contact_point_search_service_sync()',
			'contact_point_search_org_sync()',
			'contact_point_search_reindex(integer)',
			'event_search_sync()',
			'profile_search_sync()'
		])
			await sql.raw(`drop function ${f}`).execute(db);
	} else {
		for (const t of [
			'profile_search_insert',
			'profile_search_update',
			'profile_search_delete',
			'event_search_insert',
			'event_search_update',
			'event_search_delete',
			'contact_point_search_org_insert',
			'contact_point_search_org_update',
			'contact_point_search_org_delete',
			'contact_point_search_service_insert',
			'contact_point_search_service_update',
			'contact_point_search_service_delete'
		])
			await sql.raw(`drop trigger ${t}`).execute(db);
	}
	for (const t of ['profile_search', 'event_search', 'contact_point_search'])
		await sql.raw(`drop table ${t}`).execute(db);
	if (pg) await sql.raw('drop function kl_search_vector(text)').execute(db);
	await db.schema.dropIndex('profile_name_idx').execute();
	await db.schema.dropIndex('profile_keyset_idx').execute();
	await db.schema.dropIndex('event_status_end_idx').execute();
}
