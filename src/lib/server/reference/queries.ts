import type { Locale } from '../../i18n/locale';
import { type MessageKey, translate } from '../../i18n/messages';
import { berlinDate } from '../../time/berlin';
import type { Db, Tx } from '../db/transaction';
import type { OfficeTable } from '../db/schema';
import type { Selectable } from 'kysely';
import { type OfficeScope, scopeIncludes } from '../access/scope';
import {
	decideLand,
	type FinderDecision,
	type FinderInput,
	type PostcodeMatch,
	readPostcode,
	suggestLand
} from './postcode-rules';
import { officeInService } from './rules';
import type { ReferenceKind, SubmarketGroup } from './schema';

/**
 * Reads of reference data, mapped to domain objects: flags become booleans, instants are
 * epoch milliseconds, names are picked by locale. Nothing here writes.
 */
type Reader = Db | Tx;

export interface Land {
	iso: string;
	ags: string;
	name: string;
}

export interface Office {
	id: number;
	key: string;
	name: string;
	seat: string;
	seatConfirmed: boolean;
	phone: string;
	email: string;
	street: string;
	postcode: string;
	city: string;
	openingHours: string;
	active: boolean;
	validFrom: string | null;
	validTo: string | null;
	createdAt: number;
	updatedAt: number;
	/** ISO 3166-2 codes, sorted. */
	laender: string[];
}

export interface ReferenceEntry {
	kind: ReferenceKind;
	key: string;
	/** The name in the requested language. */
	name: string;
	nameDe: string;
	nameEn: string;
	active: boolean;
	sort: number;
	/** Sub-markets only: Kultur-/Kreativwirtschaft grouping. */
	group: SubmarketGroup | null;
	/** Sub-markets only: an optional extra entry such as Kunsthandwerk. */
	optional: boolean;
}

export interface TeamMember {
	userId: number;
	name: string;
	email: string;
	role: 'office_lead' | 'consultant';
}

export async function listLaender(db: Reader): Promise<Land[]> {
	const rows = await db.selectFrom('land').select(['iso', 'ags', 'name']).orderBy('name').execute();
	return rows.map((r) => ({ iso: r.iso, ags: r.ags, name: r.name }));
}

function toOffice(row: Selectable<OfficeTable>, laender: string[]): Office {
	return {
		id: Number(row.id),
		key: row.key,
		name: row.name,
		seat: row.seat,
		seatConfirmed: Number(row.seat_confirmed) === 1,
		phone: row.phone,
		email: row.email,
		street: row.street,
		postcode: row.postcode,
		city: row.city,
		openingHours: row.opening_hours,
		active: Number(row.active) === 1,
		validFrom: row.valid_from,
		validTo: row.valid_to,
		createdAt: Number(row.created_at),
		updatedAt: Number(row.updated_at),
		laender: [...laender].sort()
	};
}

async function withLaender(db: Reader, rows: Selectable<OfficeTable>[]): Promise<Office[]> {
	if (rows.length === 0) return [];
	const links = await db
		.selectFrom('office_land')
		.select(['office_id', 'land_iso'])
		.where(
			'office_id',
			'in',
			rows.map((r) => r.id)
		)
		.execute();
	const byOffice = new Map<number, string[]>();
	for (const l of links) {
		const id = Number(l.office_id);
		byOffice.set(id, [...(byOffice.get(id) ?? []), l.land_iso]);
	}
	return rows.map((r) => toOffice(r, byOffice.get(Number(r.id)) ?? []));
}

/** All offices (`activeOnly`: only those switched on), with their Länder, by name. */
export async function listOffices(db: Reader, options: { activeOnly?: boolean } = {}): Promise<Office[]> {
	let q = db.selectFrom('office').selectAll().orderBy('name').orderBy('id');
	if (options.activeOnly) q = q.where('active', '=', 1);
	return withLaender(db, await q.execute());
}

export async function getOfficeById(db: Reader, id: number): Promise<Office | null> {
	if (!Number.isSafeInteger(id) || id <= 0) return null;
	const row = await db.selectFrom('office').selectAll().where('id', '=', id).executeTakeFirst();
	return row ? ((await withLaender(db, [row]))[0] ?? null) : null;
}

export async function getOfficeByKey(db: Reader, key: string): Promise<Office | null> {
	const row = await db.selectFrom('office').selectAll().where('key', '=', key).executeTakeFirst();
	return row ? ((await withLaender(db, [row]))[0] ?? null) : null;
}

/** Offices in service on `now`'s Berlin date that cover the Land (at most one by the rule in rules.ts). */
export async function officesForLand(db: Reader, landIso: string, now: Date): Promise<Office[]> {
	const today = berlinDate(now);
	const rows = await db
		.selectFrom('office')
		.innerJoin('office_land', 'office_land.office_id', 'office.id')
		.selectAll('office')
		.where('office_land.land_iso', '=', landIso)
		.where('office.active', '=', 1)
		.orderBy('office.name')
		.execute();
	const offices = await withLaender(db, rows);
	return offices.filter((o) => officeInService(o, today));
}

/** Staff of one office who are not disabled. Personal data: needs a scope that includes the office. */
export async function officeTeam(db: Reader, scope: OfficeScope, officeId: number): Promise<TeamMember[]> {
	if (!scopeIncludes(scope, officeId)) return [];
	const rows = await db
		.selectFrom('staff_membership as m')
		.innerJoin('staff_user as u', 'u.id', 'm.user_id')
		.select(['u.id', 'u.name', 'u.email', 'm.role'])
		.where('m.office_id', '=', officeId)
		.where('u.disabled_at', 'is', null)
		.execute();
	const rank = { office_lead: 0, consultant: 1 } as const;
	return rows
		.map((r) => ({ userId: Number(r.id), name: r.name, email: r.email, role: r.role }))
		.sort((a, b) => rank[a.role] - rank[b.role] || a.name.localeCompare(b.name, 'de'));
}

/** What every reference table holds alike (sub-markets add their group and whether optional). */
function sharedFieldsOf(
	kind: ReferenceKind,
	locale: Locale,
	r: { key: string; name_de: string; name_en: string; active: number; sort: number }
) {
	return {
		kind,
		key: r.key,
		name: locale === 'en' ? r.name_en : r.name_de,
		nameDe: r.name_de,
		nameEn: r.name_en,
		active: Number(r.active) === 1,
		sort: Number(r.sort)
	};
}

/** Sub-markets, topics or stages in their sort order; `activeOnly` for pickers on public forms. */
export async function listEntries(
	db: Reader,
	kind: ReferenceKind,
	locale: Locale,
	options: { activeOnly?: boolean } = {}
): Promise<ReferenceEntry[]> {
	if (kind === 'submarket') {
		let q = db.selectFrom('submarket').selectAll().orderBy('sort').orderBy('key');
		if (options.activeOnly) q = q.where('active', '=', 1);
		const rows = await q.execute();
		return rows.map((r) => ({
			...sharedFieldsOf(kind, locale, r),
			group: r.grp as SubmarketGroup,
			optional: Number(r.optional) === 1
		}));
	}
	let q = db.selectFrom(kind).selectAll().orderBy('sort').orderBy('key');
	if (options.activeOnly) q = q.where('active', '=', 1);
	const rows = await q.execute();
	return rows.map((r) => ({ ...sharedFieldsOf(kind, locale, r), group: null, optional: false }));
}

export async function getEntry(
	db: Reader,
	kind: ReferenceKind,
	key: string,
	locale: Locale
): Promise<ReferenceEntry | null> {
	const all = await listEntries(db, kind, locale);
	return all.find((e) => e.key === key) ?? null;
}

export const listSubmarkets = (db: Reader, locale: Locale, options: { activeOnly?: boolean } = {}) =>
	listEntries(db, 'submarket', locale, options);
export const listTopics = (db: Reader, locale: Locale, options: { activeOnly?: boolean } = {}) =>
	listEntries(db, 'topic', locale, options);
export const listStages = (db: Reader, locale: Locale, options: { activeOnly?: boolean } = {}) =>
	listEntries(db, 'stage', locale, options);

/** A choice a form offers: the key it posts and the name it shows. */
export interface Choice {
	key: string;
	name: string;
}

/** A form's choice list (sub-markets, stages, topics): key and name in the visitor's language. */
export async function referenceChoices(
	db: Reader,
	kind: ReferenceKind,
	locale: Locale,
	options: { activeOnly?: boolean } = { activeOnly: true }
): Promise<Choice[]> {
	return (await listEntries(db, kind, locale, options)).map((e) => ({ key: e.key, name: e.name }));
}

/** The Länder for a form's choice, named in the visitor's language by the catalogue. */
export async function landChoices(db: Reader, locale: Locale): Promise<{ iso: string; name: string }[]> {
	return (await listLaender(db)).map((l) => ({ iso: l.iso, name: landName(locale, l.iso) }));
}

/** A Land's name in the visitor's language (the catalogue's `reference.land.<iso>`). */
export function landName(locale: Locale, iso: string): string {
	return translate(locale, `reference.land.${iso}` as MessageKey);
}

/**
 * The sub-markets and topics a staff form offers (an event, a booking on someone's behalf):
 * active ones only (a retired entry stays on old records but is not chosen again), key and name.
 */
export async function activeChoices(
	db: Reader,
	locale: Locale
): Promise<{ submarkets: Choice[]; topics: Choice[] }> {
	const [submarkets, topics] = await Promise.all([
		referenceChoices(db, 'submarket', locale),
		referenceChoices(db, 'topic', locale)
	]);
	return { submarkets, topics };
}

/** The distinct Länder a five-digit postcode lies in, with place names and sources. */
export async function lookupPostcode(db: Reader, plz: string): Promise<PostcodeMatch[]> {
	if (!/^\d{5}$/.test(plz)) return [];
	const rows = await db
		.selectFrom('postcode')
		.select(['land_iso', 'place', 'source'])
		.where('plz', '=', plz)
		.orderBy('land_iso')
		.orderBy('place')
		.execute();
	const byLand = new Map<string, PostcodeMatch>();
	for (const r of rows) {
		const m = byLand.get(r.land_iso) ?? { land: r.land_iso, places: [], sources: [] };
		if (r.place && !m.places.includes(r.place)) m.places.push(r.place);
		if (!m.sources.includes(r.source)) m.sources.push(r.source);
		byLand.set(r.land_iso, m);
	}
	return [...byLand.values()];
}

export async function postcodeCounts(
	db: Reader
): Promise<{ source: string; rows: number; postcodes: number }[]> {
	const rows = await db
		.selectFrom('postcode')
		.select((eb) => [
			'source',
			eb.fn.countAll<number>().as('rows'),
			eb.fn.count<number>('plz').distinct().as('postcodes')
		])
		.groupBy('source')
		.orderBy('source')
		.execute();
	return rows.map((r) => ({ source: r.source, rows: Number(r.rows), postcodes: Number(r.postcodes) }));
}

/** Distinct postcodes that lie in two or more Länder. */
export async function countAmbiguousPostcodes(db: Reader): Promise<number> {
	const row = await db
		.selectFrom((eb) =>
			eb
				.selectFrom('postcode')
				.select('plz')
				.groupBy('plz')
				.having((h) => h.fn.count('land_iso').distinct(), '>', 1)
				.as('multi')
		)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export interface FinderResult {
	decision: FinderDecision;
	laender: Land[];
	/** Postcode matches when a well-formed postcode was given. */
	matches: PostcodeMatch[];
	/** For a 'result' decision: the offices in service for the Land (empty: none covers it). */
	offices: Office[];
	/** true when the postcode suggestion rests on imported OpenStreetMap data (ODbL attribution). */
	osm: boolean;
	/** The postcode as five digits when what was typed reads as one ("D-1067" → "01067"), else null. */
	plz: string | null;
}

/** The public finder in one read: parse, look up, decide, find the office. */
export async function findOffice(
	db: Reader,
	input: Omit<FinderInput, 'postcode'> & { plz: string | null },
	now: Date
): Promise<FinderResult> {
	const laender = await listLaender(db);
	const postcode = readPostcode(input.plz);
	const matches = postcode.kind === 'ok' ? await lookupPostcode(db, postcode.plz) : [];
	const decision = decideLand(
		{ submitted: input.submitted, postcode, land: input.land, choosing: input.choosing },
		matches,
		laender.map((l) => l.iso)
	);
	const offices = decision.kind === 'result' ? await officesForLand(db, decision.land, now) : [];
	// Attribution wherever imported rows shaped what we show: a suggestion or a choice of Länder.
	const osm =
		(decision.kind === 'result' || decision.kind === 'choose') &&
		matches.some((m) => m.sources.includes('osm'));
	return { decision, laender, matches, offices, osm, plz: postcode.kind === 'ok' ? postcode.plz : null };
}

export type PostcodeLand =
	| { kind: 'empty' }
	| { kind: 'malformed'; raw: string }
	/** The postcode is not in the table. */
	| { kind: 'none'; plz: string }
	| { kind: 'unique'; plz: string; land: string }
	| { kind: 'ambiguous'; plz: string; laender: string[] };

/**
 * The Land a typed postcode suggests, for filters and forms that only need the Land (the events
 * list, booking): the same reading and table as the office finder.
 */
export async function landForPostcode(db: Reader, raw: string | null | undefined): Promise<PostcodeLand> {
	const postcode = readPostcode(raw);
	if (postcode.kind !== 'ok') return postcode;
	const suggestion = suggestLand(await lookupPostcode(db, postcode.plz));
	if (suggestion.kind === 'unique') return { kind: 'unique', plz: postcode.plz, land: suggestion.land };
	if (suggestion.kind === 'ambiguous')
		return { kind: 'ambiguous', plz: postcode.plz, laender: suggestion.laender };
	return { kind: 'none', plz: postcode.plz };
}
