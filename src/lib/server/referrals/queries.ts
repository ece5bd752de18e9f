import type { Locale } from '../../i18n/locale';
import type { OfficeScope } from '../access/scope';
import { scopeIncludes } from '../access/scope';
import type { ReferralStatus } from '../db/schema';
import type { Db, Tx } from '../db/transaction';
import {
	type ContactPoint,
	type ContactPointKind,
	getContactPoint,
	listContactPoints
} from '../directory/index';
import { hashToken, plausibleToken } from '../platform/tokens';
import {
	type OutcomeFigure,
	OUTCOME_STATUSES,
	outcomeFigure,
	rankContactPoint,
	SETTABLE_STATUSES
} from './rules';

/**
 * Reads of referrals. Case data is read straight from case_file (this domain sits below cases
 * and never imports it). Functions without an OfficeScope serve callers that already proved
 * access to the case (the case pages) or the creative's own data (the portal).
 */
type Reader = Db | Tx;
/** The people who act on an office's case pages, as the gate proved them. */
export interface ReferralStaffActor {
	id: number;
	email: string;
	role: 'network_admin' | 'office_lead' | 'consultant';
}

/** A service of the directory as suggestions and referrals show it. */
interface ServiceShown {
	serviceId: number;
	organizationId: number;
	organizationName: string;
	serviceName: string;
	kind: ContactPointKind;
	/** The service's own page, else the organisation's website. */
	url: string | null;
}

export interface SuggestedService extends ServiceShown {
	scope: 'bund' | 'land';
	laender: string[];
	matchedTopics: { key: string; name: string }[];
	score: number;
	outcome: OutcomeFigure;
}

async function topicNames(db: Reader, locale: Locale): Promise<Map<string, string>> {
	const rows = await db.selectFrom('topic').select(['key', 'name_de', 'name_en']).execute();
	return new Map(rows.map((r) => [r.key, locale === 'en' ? r.name_en : r.name_de]));
}

async function organizationNames(db: Reader): Promise<Map<number, string>> {
	const rows = await db.selectFrom('cp_organization').select(['id', 'name']).execute();
	return new Map(rows.map((r) => [Number(r.id), r.name]));
}

/**
 * A directory entry's staff page (issue 17: one read): the entry and whether referrals to it
 * helped (issue 4, item 10: hidden below the minimum of answers). Null for no such entry.
 */
export async function contactPointPage(
	db: Reader,
	id: number
): Promise<{ entry: ContactPoint; outcome: OutcomeFigure } | null> {
	const entry = await getContactPoint(db, id);
	if (!entry) return null;
	const outcome = (await contactPointOutcomes(db, [entry.serviceId])).get(entry.serviceId)!;
	return { entry, outcome };
}

/**
 * Aggregated outcomes per service (all offices): how many referrals reached an outcome that
 * says something about the contact point (got_help, no_help, not_eligible, no_capacity; not
 * 'not_needed'), and the share that got help, hidden (null) below MIN_OUTCOMES_SHOWN.
 */
export async function contactPointOutcomes(
	db: Reader,
	serviceIds?: number[]
): Promise<Map<number, OutcomeFigure>> {
	if (serviceIds && serviceIds.length === 0) return new Map();
	let q = db
		.selectFrom('referral')
		.select(['service_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
		.where('status', 'in', [...OUTCOME_STATUSES])
		.groupBy(['service_id', 'status']);
	if (serviceIds) q = q.where('service_id', 'in', serviceIds);
	const rows = await q.execute();
	const totals = new Map<number, { outcomes: number; gotHelp: number }>();
	for (const r of rows) {
		const id = Number(r.service_id);
		const t = totals.get(id) ?? { outcomes: 0, gotHelp: 0 };
		t.outcomes += Number(r.n);
		if (r.status === 'got_help') t.gotHelp += Number(r.n);
		totals.set(id, t);
	}
	const out = new Map<number, OutcomeFigure>();
	for (const id of serviceIds ?? [...totals.keys()]) {
		const t = totals.get(id) ?? { outcomes: 0, gotHelp: 0 };
		out.set(id, outcomeFigure(t.outcomes, t.gotHelp));
	}
	return out;
}

/**
 * Contact points to suggest for a case: eligible entries (rules.ts rankContactPoint), best fit
 * first; equal scores put a Land's own entries before national ones, then by name.
 */
export async function suggestContactPoints(
	db: Reader,
	input: { landIso: string | null; topics: string[]; submarket: string | null; locale: Locale }
): Promise<SuggestedService[]> {
	const [all, names, orgs] = await Promise.all([
		listContactPoints(db, { activeOnly: true }),
		topicNames(db, input.locale),
		organizationNames(db)
	]);
	const ranked = all.flatMap((c) => {
		const r = rankContactPoint(c, input);
		return r.eligible ? [{ c, score: r.score, matched: r.matchedTopics }] : [];
	});
	const outcomes = await contactPointOutcomes(
		db,
		ranked.map((r) => r.c.serviceId)
	);
	ranked.sort(
		(a, b) =>
			b.score - a.score ||
			(a.c.scope === b.c.scope ? 0 : a.c.scope === 'land' ? -1 : 1) ||
			a.c.name.localeCompare(b.c.name, 'de')
	);
	return ranked.map(({ c, score, matched }) => ({
		serviceId: c.serviceId,
		organizationId: c.id,
		organizationName: orgs.get(c.id) ?? c.name,
		serviceName: c.name,
		kind: c.kind,
		url: c.serviceUrl ?? c.website,
		scope: c.scope,
		laender: c.laender,
		matchedTopics: matched.map((k) => ({ key: k, name: names.get(k) ?? k })),
		score,
		outcome: outcomes.get(c.serviceId) ?? outcomeFigure(0, 0)
	}));
}

export interface StatusChange {
	at: number;
	status: ReferralStatus;
	actorKind: string;
	actorId: number | null;
}

export interface CaseReferral extends ServiceShown {
	id: number;
	caseId: number;
	recordId: number | null;
	status: ReferralStatus;
	followupDueAt: number;
	followupSentAt: number | null;
	createdBy: number | null;
	createdAt: number;
	updatedAt: number;
	/** Oldest first; the first entry is the 'suggested' of the creation. */
	history: StatusChange[];
}

function referralBase(db: Reader) {
	return db
		.selectFrom('referral as r')
		.innerJoin('cp_service as s', 's.id', 'r.service_id')
		.innerJoin('cp_organization as o', 'o.id', 's.organization_id')
		.innerJoin('case_file as c', 'c.id', 'r.case_id')
		.select([
			'r.id',
			'r.case_id',
			'r.record_id',
			'r.service_id',
			'r.status',
			'r.followup_due_at',
			'r.followup_sent_at',
			'r.created_by',
			'r.created_at',
			'r.updated_at',
			'o.id as organization_id',
			'o.name as organization_name',
			'o.website',
			's.name as service_name',
			's.kind',
			's.url',
			'c.office_id',
			'c.creative_id',
			'c.consultant_id'
		]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof referralBase>['execute']>>[number];

async function historyOf(db: Reader, ids: number[]): Promise<Map<number, StatusChange[]>> {
	const out = new Map<number, StatusChange[]>();
	if (ids.length === 0) return out;
	const rows = await db
		.selectFrom('referral_status_change')
		.select(['referral_id', 'at', 'status', 'actor_kind', 'actor_id'])
		.where('referral_id', 'in', ids)
		.orderBy('at')
		.orderBy('id')
		.execute();
	for (const r of rows) {
		const list = out.get(Number(r.referral_id)) ?? [];
		list.push({
			at: Number(r.at),
			status: r.status,
			actorKind: r.actor_kind,
			actorId: r.actor_id === null ? null : Number(r.actor_id)
		});
		out.set(Number(r.referral_id), list);
	}
	return out;
}

function toCaseReferral(r: BaseRow, history: StatusChange[]): CaseReferral {
	return {
		id: Number(r.id),
		caseId: Number(r.case_id),
		recordId: r.record_id === null ? null : Number(r.record_id),
		serviceId: Number(r.service_id),
		organizationId: Number(r.organization_id),
		organizationName: r.organization_name,
		serviceName: r.service_name || r.organization_name,
		kind: r.kind,
		url: r.url ?? r.website,
		status: r.status,
		followupDueAt: Number(r.followup_due_at),
		followupSentAt: r.followup_sent_at === null ? null : Number(r.followup_sent_at),
		createdBy: r.created_by === null ? null : Number(r.created_by),
		createdAt: Number(r.created_at),
		updatedAt: Number(r.updated_at),
		history
	};
}

/**
 * A case's referrals with their status history, oldest first. The caller has proved access to
 * the case (the lead's case pages, or caseForStaff below). `_locale` is reserved for localized
 * fields; names of contact points are not translated.
 */
export async function referralsForCase(
	db: Reader,
	caseId: number,
	_locale: Locale = 'de'
): Promise<CaseReferral[]> {
	const rows = await referralBase(db)
		.where('r.case_id', '=', caseId)
		.orderBy('r.created_at')
		.orderBy('r.id')
		.execute();
	const history = await historyOf(
		db,
		rows.map((r) => Number(r.id))
	);
	return rows.map((r) => toCaseReferral(r, history.get(Number(r.id)) ?? []));
}

export interface StaffCase {
	id: number;
	officeId: number;
	consultantId: number;
	name: string;
	status: 'open' | 'paused' | 'closed';
	landIso: string | null;
	submarket: string | null;
	topics: string[];
	erased: boolean;
}

function parseTopics(text: string): string[] {
	try {
		const v = JSON.parse(text);
		return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
	} catch {
		return [];
	}
}

/**
 * A case's referral page (issue 4, item 4): its referrals with their history, and the contact
 * points to suggest for its Land, topics and sub-market, each marked when the case already has
 * a referral to it. An erased case gets no suggestions (nobody to refer). The caller proved
 * access with caseForStaff.
 */
export async function caseReferralsPage(db: Reader, c: StaffCase, locale: Locale) {
	const [referrals, suggestions] = await Promise.all([
		referralsForCase(db, c.id, locale),
		c.erased
			? Promise.resolve([])
			: suggestContactPoints(db, { landIso: c.landIso, topics: c.topics, submarket: c.submarket, locale })
	]);
	const referred = new Set(referrals.map((r) => r.serviceId));
	return {
		caseFile: { id: c.id, name: c.name, erased: c.erased },
		referrals,
		suggestions: suggestions.map((s) => ({ ...s, referred: referred.has(s.serviceId) })),
		statuses: [...SETTABLE_STATUSES]
	};
}

/**
 * The case as the referral pages see it, or null when the viewer may not see it: the case's
 * office must be in scope (and be `officeId`), and a consultant sees only the cases they are
 * responsible for; office leads and network admins see every case of the office.
 */
export async function caseForStaff(
	db: Reader,
	scope: OfficeScope,
	actor: ReferralStaffActor,
	officeId: number,
	caseId: number
): Promise<StaffCase | null> {
	if (!scopeIncludes(scope, officeId)) return null;
	const c = await db
		.selectFrom('case_file')
		.select(['id', 'office_id', 'consultant_id', 'name', 'status', 'land_iso', 'submarket', 'topics'])
		.where('id', '=', caseId)
		.where('office_id', '=', officeId)
		.executeTakeFirst();
	if (!c) return null;
	if (actor.role === 'consultant' && Number(c.consultant_id) !== actor.id) return null;
	return {
		id: Number(c.id),
		officeId: Number(c.office_id),
		consultantId: Number(c.consultant_id),
		name: c.name,
		status: c.status,
		landIso: c.land_iso,
		submarket: c.submarket,
		topics: parseTopics(c.topics),
		erased: c.name === ''
	};
}

export interface PortalReferral {
	id: number;
	officeName: string;
	organizationName: string;
	serviceName: string;
	url: string | null;
	status: ReferralStatus;
	createdAt: number;
	updatedAt: number;
}

/**
 * The creative's own referrals for the portal: those of consultation records the consultant
 * shared (share_referrals = 1) and those made outside a record. Newest first.
 */
export async function referralsForCreative(
	db: Reader,
	creativeId: number,
	_locale: Locale = 'de'
): Promise<PortalReferral[]> {
	const rows = await referralBase(db)
		.innerJoin('office as of', 'of.id', 'c.office_id')
		.leftJoin('consultation_record as cr', 'cr.id', 'r.record_id')
		.select('of.name as office_name')
		.where('c.creative_id', '=', creativeId)
		.where((eb) => eb.or([eb('r.record_id', 'is', null), eb('cr.share_referrals', '=', 1)]))
		.orderBy('r.created_at', 'desc')
		.orderBy('r.id', 'desc')
		.execute();
	return rows.map((r) => ({
		id: Number(r.id),
		officeName: r.office_name,
		organizationName: r.organization_name,
		serviceName: r.service_name || r.organization_name,
		url: r.url ?? r.website,
		status: r.status,
		createdAt: Number(r.created_at),
		updatedAt: Number(r.updated_at)
	}));
}

export type TokenInspection =
	| {
			ok: true;
			referral: {
				id: number;
				organizationName: string;
				serviceName: string;
				url: string | null;
				officeName: string;
				status: ReferralStatus;
				createdAt: number;
				expiresAt: number;
			};
	  }
	| { ok: false; reason: 'invalid' | 'expired' };

/** What the mail link page shows; changes nothing. */
export async function inspectReferralToken(db: Reader, token: string, now: Date): Promise<TokenInspection> {
	if (!plausibleToken(token)) return { ok: false, reason: 'invalid' };
	const r = await referralBase(db)
		.innerJoin('office as of', 'of.id', 'c.office_id')
		.innerJoin('creative as cv', 'cv.id', 'c.creative_id')
		.select(['of.name as office_name', 'r.token_expires_at', 'c.name as case_name', 'cv.deleted_at'])
		.where('r.token_hash', '=', hashToken(token))
		.executeTakeFirst();
	if (!r || r.case_name === '' || r.deleted_at !== null) return { ok: false, reason: 'invalid' };
	if (r.token_expires_at === null || Number(r.token_expires_at) <= now.getTime())
		return { ok: false, reason: 'expired' };
	return {
		ok: true,
		referral: {
			id: Number(r.id),
			organizationName: r.organization_name,
			serviceName: r.service_name || r.organization_name,
			url: r.url ?? r.website,
			officeName: r.office_name,
			status: r.status,
			createdAt: Number(r.created_at),
			expiresAt: Number(r.token_expires_at)
		}
	};
}

/** Internal: the referral with the case facts that decide who may change it. */
export async function loadReferralForChange(db: Reader, referralId: number) {
	const r = await referralBase(db)
		.select(['c.name as case_name'])
		.where('r.id', '=', referralId)
		.executeTakeFirst();
	if (!r) return null;
	return {
		id: Number(r.id),
		caseId: Number(r.case_id),
		officeId: Number(r.office_id),
		creativeId: Number(r.creative_id),
		consultantId: Number(r.consultant_id),
		status: r.status,
		recordId: r.record_id === null ? null : Number(r.record_id),
		erased: r.case_name === ''
	};
}
