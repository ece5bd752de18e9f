import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';

/**
 * The one query interface to full-text search (issue 14), the same for SQLite (FTS5) and
 * PostgreSQL (tsvector). The search tables and the triggers that keep them in sync with the
 * indexed rows live in migration 2026-12-05-03-search-paging; callers only ask "which ids match
 * what someone typed" and combine that with their own filters, order and paging in SQL.
 *
 * What someone typed is never handed to a query parser: it is cut into words (letters and digits
 * only), each word must occur, and the last word matches as a prefix (people type as they search).
 * So no input can make FTS5's or to_tsquery's syntax fail.
 */
export type SearchIndex = 'profile' | 'event' | 'contact_point';

const TABLES: Record<SearchIndex, string> = {
	profile: 'profile_search',
	event: 'event_search',
	contact_point: 'contact_point_search'
};

const MAX_WORDS = 8;
const MAX_WORD_LENGTH = 40;

/** The words of a search text, lower-cased, at most 8 of at most 40 characters; [] when none. */
export function searchWords(text: string | null | undefined): string[] {
	if (!text) return [];
	const words =
		text
			.normalize('NFC')
			.toLowerCase()
			.match(/[\p{L}\p{N}]+/gu) ?? [];
	return words.slice(0, MAX_WORDS).map((w) => w.slice(0, MAX_WORD_LENGTH));
}

/**
 * The FTS5 match expression: every word quoted (so none is an operator) and a prefix. SQLite has
 * no German stemmer, so a prefix stands in for one ("Bühne" finds "Bühnen", as the PostgreSQL
 * stems do); the last word is a prefix on both dialects.
 */
export function fts5Query(words: readonly string[]): string {
	return words.map((w) => `"${w}"*`).join(' ');
}

function isPostgres(db: Kysely<any>): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * A subquery of the ids in `index` that match `text`, for `where(column, 'in', …)`; null when the
 * text holds no word (then there is nothing to filter by).
 */
export function matchingIds(
	db: Kysely<any>,
	index: SearchIndex,
	text: string | null | undefined
): RawBuilder<number> | null {
	const words = searchWords(text);
	if (words.length === 0) return null;
	return sql<number>`(${matches(db, index, words, sql`select ${sql.raw(isPostgres(db) ? 'id' : 'rowid')}`)})`;
}

/** `what` from the rows of `index` that hold every word. */
function matches(db: Kysely<any>, index: SearchIndex, words: readonly string[], what: RawBuilder<unknown>) {
	const table = sql.table(TABLES[index]);
	if (!isPostgres(db)) return sql`${what} from ${table} where ${table} match ${fts5Query(words)}`;
	// Every word, as on SQLite: a prefix of a word as written ('simple' lexemes are not stemmed, so
	// "desi" finds "Design" and "Gründungsberatung" finds "Gründungsberatungen"), or the German stem
	// for inflected forms. Words hold letters and digits only, so to_tsquery cannot meet an operator.
	const terms = words.map((w) => sql`(to_tsquery('simple', ${`${w}:*`}) || plainto_tsquery('german', ${w}))`);
	return sql`${what} from ${table} where document @@ (${sql.join(terms, sql` && `)})`;
}

/**
 * How many rows of `index` match `text`, read from the search index alone. Exact for a caller
 * whose list shows every indexed row (the triggers index only what is public: /kreative's
 * published, unhidden, unerased profiles); null when the text holds no word.
 */
export async function countMatching(
	db: Kysely<any>,
	index: SearchIndex,
	text: string | null | undefined,
	atMost: number
): Promise<number | null> {
	const words = searchWords(text);
	if (words.length === 0) return null;
	return cappedCount(db, matches(db, index, words, sql`select 1 as one`), atMost);
}

/**
 * count(*) of a query's rows, but reading at most `atMost + 1` of them: a caller that shows
 * "more than N" needs no more, and a word that matches most of a national index costs no more than
 * one that matches a page (issue 14: counting 8,400 matches was half of a search page on PostgreSQL).
 */
async function cappedCount(db: Kysely<any>, rows: RawBuilder<unknown>, atMost: number): Promise<number> {
	const { rows: out } = await sql`select count(*) as n from (${rows} limit ${atMost + 1}) capped`.execute(db);
	return Number((out[0] as { n: number | string }).n);
}

/**
 * How many rows `index` holds: the count of an unfiltered list that shows every indexed row (as
 * countMatching is for a search). A scan of the small search table instead of the rows behind it
 * and the joins that decide what is listed.
 */
export async function countIndexed(db: Kysely<any>, index: SearchIndex, atMost: number): Promise<number> {
	return cappedCount(db, sql`select 1 as one from ${sql.table(TABLES[index])}`, atMost);
}

/**
 * The column a caller tests against matchingIds when it pages in the order of its own index. On
 * SQLite `+column` keeps the planner walking that ordered index and testing each row against the
 * matches (a page reads about as many rows as it shows, when a word matches many rows, which is
 * what people type first), where it would otherwise fetch and sort every match. PostgreSQL
 * weighs the two plans itself.
 */
export function memberColumn(db: Kysely<any>, column: string): RawBuilder<number> {
	return isPostgres(db) ? sql<number>`${sql.ref(column)}` : sql<number>`+${sql.ref(column)}`;
}
