import { type ExpressionBuilder, sql } from 'kysely';
import { z } from 'zod';
import { HOUR, DAY } from '../../time/durations';
import type { DB } from '../db/schema';
import { rowsForIds } from '../db/rows-for-ids';
import { type Db, type Tx, transact } from '../db/transaction';
import { type RequestContext, countHit, strictest, throttleKey } from '../identity/index';
import { enqueueMail } from '../notifications/index';
import { countIndexed, countMatching, matchingIds, memberColumn } from '../platform/full-text-search';
import { decodeCursor, encodeCursor } from '../platform/keyset-cursor';
import type { Services } from '../runtime';
import type { Locale } from '../../i18n/locale';
import { auditVisibility, publicActor } from './actors';
import { profileFieldColumns, profileFieldsOf } from './profile-fields';
import type { ProfileFields } from './schema';
import { currentVisibilityConsent, ensureVisibilityConsent } from './consent';
import { contactRelayMail } from './mails';
import { isOpenForProjects } from './rules';
import { imagesWithProfiles, profilesWithCreatives } from './profiles';

/**
 * What the public sees (issue 7, item 3). Every read here filters with `visible` — the SQL form
 * of rules.ts isPubliclyVisible — so an unpublished, pending, rejected, hidden or erased profile
 * is not found by the directory, the page, the image route, the API or the contact form alike.
 * No query here selects an e-mail address for output.
 */
export function visible(eb: ExpressionBuilder<DB & { p: DB['profile']; c: DB['creative'] }, 'p' | 'c'>) {
	return eb.and([
		eb('p.status', '=', 'published'),
		eb('p.hidden_at', 'is', null),
		eb('p.erased_at', 'is', null),
		eb('c.deleted_at', 'is', null)
	]);
}

/** Profiles (p) with their creatives (c), only the visible ones: every public read starts here. */
export function visibleProfiles(db: Db | Tx) {
	return profilesWithCreatives(db).where((eb) => visible(eb));
}

export interface PublicProfile extends ProfileFields {
	id: number;
	contactByForm: boolean;
	openForProjects: boolean;
	image: { width: number; height: number; alt: string; version: number } | null;
	updatedAt: number;
}

export interface ProfileFilters {
	q?: string | null;
	submarket?: string | null;
	land?: string | null;
	service?: string | null;
	openOnly?: boolean;
}

/** /kreative shows 25 profiles a page. */
export const PAGE_SIZE = 25;

function baseQuery(db: Db | Tx) {
	return visibleProfiles(db)
		.leftJoin('profile_image as i', 'i.profile_id', 'p.id')
		.select([
			...profileFieldColumns,
			'p.contact_preference',
			'p.open_until',
			'p.updated_at',
			'i.id as image_id',
			'i.width as image_width',
			'i.height as image_height',
			'i.alt as image_alt'
		]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

function toPublic(r: Row, now: number): PublicProfile {
	return {
		...profileFieldsOf(r),
		contactByForm: r.contact_preference === 'form',
		openForProjects: isOpenForProjects(r.open_until == null ? null : Number(r.open_until), now),
		image:
			r.image_id == null
				? null
				: {
						width: Number(r.image_width),
						height: Number(r.image_height),
						alt: r.image_alt ?? '',
						version: Number(r.image_id)
					},
		updatedAt: Number(r.updated_at)
	};
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
function likePattern(text: string): string {
	return `%${text.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/**
 * The directory counts its matches up to this many and says "more than" beyond: nobody pages past
 * 40 pages of a directory (they narrow the search), and a count that stops here costs the same for
 * a word that matches 20,000 profiles as for one that matches 2 (issue 14).
 */
export const COUNT_CAP = 1000;

export async function searchProfiles(
	db: Db | Tx,
	filters: ProfileFilters,
	now: Date,
	page = 1,
	countCap = COUNT_CAP
): Promise<{ profiles: PublicProfile[]; total: number; more: boolean; page: number; pageSize: number }> {
	// Filters, text search, count and page are all SQL (issue 14): the cost of a page does not
	// grow with the number of profiles that match.
	let q = visibleProfiles(db);
	if (filters.submarket) {
		const key = `%"${filters.submarket.replace(/"/g, '').replace(/[\\%_]/g, (m) => `\\${m}`)}"%`;
		q = q.where('p.submarkets', 'like', sql<string>`${key} escape '\\'`);
	}
	if (filters.land) q = q.where('p.land_iso', '=', filters.land);
	if (filters.openOnly) q = q.where('p.open_until', '>', now.getTime());
	if (filters.service)
		q = q.where(sql`lower(p.services)`, 'like', sql`${likePattern(filters.service)} escape '\\'`);
	const matching = matchingIds(db, 'profile', filters.q);
	if (matching) q = q.where(memberColumn(db, 'p.id'), 'in', matching);
	// Text alone: the search index holds exactly the listed profiles (its triggers index what
	// visible() lets through; erasing an account erases its profile in the same transaction), so
	// it counts them without reading a profile row.
	// With no filter at all it counts the index itself.
	const textOnly = !filters.submarket && !filters.land && !filters.openOnly && !filters.service;
	const counted =
		(textOnly
			? ((await countMatching(db, 'profile', filters.q, countCap)) ??
				(await countIndexed(db, 'profile', countCap)))
			: null) ??
		Number(
			(
				await db
					.selectFrom(
						q
							.select('p.id')
							.limit(countCap + 1)
							.as('capped')
					)
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
	const total = Math.min(counted, countCap);
	const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const current = Math.min(Math.max(1, page), pageCount);
	const ids = await q
		.select('p.id')
		.orderBy('p.display_name')
		.orderBy('p.id')
		.limit(PAGE_SIZE)
		.offset((current - 1) * PAGE_SIZE)
		.execute();
	const rows = await rowsForIds(
		ids.map((r) => r.id),
		(inIds) => baseQuery(db).where('p.id', 'in', inIds).orderBy('p.display_name').orderBy('p.id').execute()
	);
	return {
		profiles: rows.map((r) => toPublic(r, now.getTime())),
		total,
		more: counted > countCap,
		page: current,
		pageSize: PAGE_SIZE
	};
}

export async function publicProfile(db: Db | Tx, id: number, now: Date): Promise<PublicProfile | null> {
	if (!Number.isSafeInteger(id) || id <= 0) return null;
	const row = await baseQuery(db).where('p.id', '=', id).executeTakeFirst();
	return row ? toPublic(row, now.getTime()) : null;
}

export async function publicProfileImage(
	db: Db | Tx,
	profileId: number
): Promise<{ id: number; mime: string; bytes: Uint8Array } | null> {
	if (!Number.isSafeInteger(profileId) || profileId <= 0) return null;
	const row = await imagesWithProfiles(db)
		.innerJoin('creative as c', 'c.id', 'p.creative_id')
		.where((eb) => visible(eb))
		.where('p.id', '=', profileId)
		.select(['i.id', 'i.mime', 'i.bytes'])
		.executeTakeFirst();
	return row ? { id: Number(row.id), mime: row.mime, bytes: row.bytes } : null;
}

export const API_PAGE = { default: 50, max: 200 } as const;

/** Where a page of the API list ends: the last profile's (first approval, id). */
export const profileCursorSchema = z.tuple([z.number().int(), z.number().int().positive()]);
export type ProfileCursor = z.output<typeof profileCursorSchema>;

export const writeProfileCursor = (c: ProfileCursor) => encodeCursor(c);
export const readProfileCursor = (text: string) => decodeCursor(profileCursorSchema, text);

/**
 * JSON API v1: published profiles, no contact data (the page's contact form relays), paged by
 * keyset on (first_approved_at, id). The first approval never changes and a newly approved profile
 * sorts after every earlier one, so a client walking the pages sees every profile exactly once,
 * also while profiles are being added; OFFSET paging would skip or repeat rows then.
 */
export async function apiProfiles(
	db: Db | Tx,
	publicBaseUrl: string,
	now: Date,
	page: { limit: number; after: ProfileCursor | null } = { limit: API_PAGE.default, after: null }
) {
	const base = publicBaseUrl.replace(/\/$/, '');
	let q = baseQuery(db).select('p.first_approved_at').where('p.first_approved_at', 'is not', null);
	const after = page.after;
	if (after)
		q = q.where((eb) =>
			eb.or([
				eb('p.first_approved_at', '>', after[0]),
				eb.and([eb('p.first_approved_at', '=', after[0]), eb('p.id', '>', after[1])])
			])
		);
	// One row more than asked tells whether a next page exists.
	const rows = await q
		.orderBy('p.first_approved_at')
		.orderBy('p.id')
		.limit(page.limit + 1)
		.execute();
	const shown = rows.slice(0, page.limit);
	const last = shown.at(-1);
	const next: ProfileCursor | null =
		rows.length > page.limit && last ? [Number(last.first_approved_at), Number(last.id)] : null;
	const profiles = shown.map((r) => {
		const p = toPublic(r, now.getTime());
		return {
			id: p.id,
			kind: p.kind,
			name: p.displayName,
			submarkets: p.submarkets,
			land: p.landIso,
			town: p.town,
			bio: p.bio,
			services: p.services,
			links: p.links,
			openForProjects: p.openForProjects,
			url: `${base}/kreative/${p.id}`,
			image: p.image ? `${base}/kreative/${p.id}/bild?v=${p.image.version}` : null
		};
	});
	return { profiles, next };
}

/** schema.org Person (or Organization for a studio); no e-mail, no telephone. */
export function profileJsonLd(
	p: PublicProfile,
	o: { publicBaseUrl: string; landName: string; submarketNames: string[] }
) {
	const base = o.publicBaseUrl.replace(/\/$/, '');
	const url = `${base}/kreative/${p.id}`;
	return {
		'@context': 'https://schema.org',
		'@type': p.kind === 'studio' ? 'Organization' : 'Person',
		name: p.displayName,
		url,
		...(p.bio ? { description: p.bio } : {}),
		address: {
			'@type': 'PostalAddress',
			addressLocality: p.town,
			addressRegion: o.landName,
			addressCountry: 'DE'
		},
		...(p.image ? { image: `${base}/kreative/${p.id}/bild?v=${p.image.version}` } : {}),
		...(p.links.length > 0 ? { sameAs: p.links } : {}),
		knowsAbout: [...o.submarketNames, ...p.services],
		...(p.kind === 'studio' && p.services.length > 0
			? {
					makesOffer: p.services.map((name) => ({
						'@type': 'Offer',
						itemOffered: { '@type': 'Service', name }
					}))
				}
			: {})
	};
}

export const RELAY_PER_ADDRESS_HOUR = 5;
export const RELAY_PER_PROFILE_DAY = 20;

export type RelayResult =
	| { ok: true }
	| { ok: false; reason: 'not_found' | 'no_form' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * The contact form: the message goes by mail to the creative; the sender sees no address, ever.
 * The sender's consent (version stored in the audit row) covers passing on name, address and
 * message. A double submit sends once (outbox dedupe key from the form's submission id).
 */
export async function relayContact(
	services: Services,
	input: {
		profileId: number;
		name: string;
		email: string;
		message: string;
		submissionId: string;
		clientAddress: string;
	},
	ctx: RequestContext = {}
): Promise<RelayResult> {
	const { db, clock } = services;
	const now = clock.now();
	const target = await visibleProfiles(db)
		.where('p.id', '=', input.profileId)
		.select(['p.id', 'p.display_name', 'p.contact_preference', 'p.office_id', 'c.email', 'c.locale'])
		.executeTakeFirst();
	if (!target) return { ok: false, reason: 'not_found' };
	if (target.contact_preference !== 'form') return { ok: false, reason: 'no_form' };
	const decision = strictest(
		await countHit(
			db,
			throttleKey('profile-contact-address', input.clientAddress),
			{ limit: RELAY_PER_ADDRESS_HOUR, windowMs: HOUR },
			now
		),
		await countHit(
			db,
			throttleKey('profile-contact-profile', String(input.profileId)),
			{ limit: RELAY_PER_PROFILE_DAY, windowMs: DAY },
			now
		)
	);
	if (!decision.allowed)
		return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
	await transact(db, async (trx) => {
		await ensureVisibilityConsent(trx, now);
		const consent = await currentVisibilityConsent(trx, 'contact_relay');
		const locale = (target.locale === 'en' ? 'en' : 'de') as Locale;
		await enqueueMail(
			trx,
			{
				to: target.email,
				locale,
				template: 'visibility.contact',
				mail: contactRelayMail(locale, {
					profileName: target.display_name,
					senderName: input.name,
					senderEmail: input.email,
					message: input.message
				}),
				dedupeKey: `visibility.contact:${input.submissionId}`,
				officeId: target.office_id,
				subject: { kind: 'profile', id: Number(target.id) }
			},
			now
		);
		await auditVisibility(trx, now, ctx, publicActor, 'profile.contact_relayed', {
			kind: 'profile',
			id: Number(target.id),
			officeId: target.office_id,
			data: { consentVersion: consent.version }
		});
	});
	return { ok: true };
}

export type ReportResult =
	| { ok: true }
	| { ok: false; reason: 'not_found' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/** Anyone can report a public profile; the office sees it in its queue. */
export async function reportProfile(
	services: Services,
	input: { profileId: number; reason: string; clientAddress: string },
	ctx: RequestContext = {}
): Promise<ReportResult> {
	const { db, clock, config } = services;
	const now = clock.now();
	const target = await visibleProfiles(db)
		.where('p.id', '=', input.profileId)
		.select(['p.id', 'p.office_id'])
		.executeTakeFirst();
	if (!target) return { ok: false, reason: 'not_found' };
	const decision = await countHit(
		db,
		throttleKey('profile-report-address', input.clientAddress),
		{ limit: config.publicFormLimit, windowMs: HOUR },
		now
	);
	if (!decision.allowed)
		return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
	await transact(db, async (trx) => {
		const row = await trx
			.insertInto('profile_report')
			.values({ profile_id: target.id, reason: input.reason, created_at: now.getTime() })
			.returning('id')
			.executeTakeFirstOrThrow();
		await auditVisibility(trx, now, ctx, publicActor, 'profile.reported', {
			kind: 'profile',
			id: Number(target.id),
			officeId: target.office_id,
			data: { report: Number(row.id) }
		});
	});
	return { ok: true };
}
