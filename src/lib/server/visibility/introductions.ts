import { sql } from 'kysely';
import { type OfficeScope, scopeIncludes } from '../access/scope';
import type { IntroductionOutcome, IntroductionStatus } from '../db/schema';
import { type Db, type Tx, isUniqueViolation, transactNow } from '../db/transaction';
import { type RequestContext, absoluteLink } from '../identity/index';
import { enqueueMail } from '../notifications/index';
import { hashToken, plausibleToken, randomToken } from '../platform/tokens';
import type { Services } from '../runtime';
import type { Locale } from '../../i18n/locale';
import { translate } from '../../i18n/messages';
import { auditVisibility, creativeActor, storedStrings, staffActor } from './actors';
import { inOfficeTransaction } from './office-command';
import { introductionToCreativeMail, introductionToDecisionMakerMail, proposalMail } from './mails';
import { visibleProfiles } from './public';
import { INTRODUCTION_LINK_MS, canRecordOutcome, canRespond } from './rules';

/**
 * Brokered introductions (issue 7, item 5). A consultant proposes a creative for a request;
 * the creative accepts or declines from the mail's page (POST); only on acceptance do both
 * sides get each other's contact data, by mail. Interest a creative expressed themselves is
 * passed on (or not) by the office. The consultant records the outcome.
 */
type Staff = { id: number; email: string };
const localeOf = (v: string | null | undefined): Locale => (v === 'en' ? 'en' : 'de');

export interface Candidate {
	creativeId: number;
	profileId: number | null;
	caseId: number | null;
	name: string;
	submarkets: string[];
	landIso: string | null;
	town: string | null;
	source: 'profile' | 'case';
	alreadyIntroduced: boolean;
}

/** Public profiles (whole network) and this office's open cases that fit the search. */
export async function candidatesFor(
	db: Db | Tx,
	scope: OfficeScope,
	officeId: number,
	requestId: number,
	filters: { q?: string | null; submarket?: string | null }
): Promise<Candidate[]> {
	if (!scopeIncludes(scope, officeId)) return [];
	const taken = new Set(
		(
			await db.selectFrom('introduction').select('creative_id').where('request_id', '=', requestId).execute()
		).map((r) => Number(r.creative_id))
	);
	const pattern = filters.q ? `%${filters.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
	let profiles = visibleProfiles(db).select([
		'p.id',
		'p.creative_id',
		'p.display_name',
		'p.submarkets',
		'p.land_iso',
		'p.town'
	]);
	if (filters.submarket)
		profiles = profiles.where('p.submarkets', 'like', `%"${filters.submarket.replace(/[^a-z0-9-]/g, '')}%`);
	if (pattern)
		profiles = profiles.where((eb) =>
			eb.or([
				eb(sql`lower(p.display_name)`, 'like', sql`${pattern} escape '\\'`),
				eb(sql`lower(p.bio)`, 'like', sql`${pattern} escape '\\'`),
				eb(sql`lower(p.services)`, 'like', sql`${pattern} escape '\\'`)
			])
		);
	let cases = db
		.selectFrom('case_file as f')
		.innerJoin('creative as c', 'c.id', 'f.creative_id')
		.where('f.office_id', '=', officeId)
		.where('f.status', 'in', ['open', 'paused'])
		.where('c.deleted_at', 'is', null)
		.select(['f.id', 'f.creative_id', 'f.name', 'f.submarket', 'f.land_iso']);
	if (filters.submarket) cases = cases.where('f.submarket', '=', filters.submarket);
	if (pattern) cases = cases.where(sql`lower(f.name)`, 'like', sql`${pattern} escape '\\'`);
	const [p, c] = await Promise.all([
		profiles.orderBy('p.display_name').limit(50).execute(),
		cases.orderBy('f.name').limit(50).execute()
	]);
	const out: Candidate[] = p.map((r) => ({
		creativeId: Number(r.creative_id),
		profileId: Number(r.id),
		caseId: null,
		name: r.display_name,
		submarkets: storedStrings(r.submarkets),
		landIso: r.land_iso,
		town: r.town,
		source: 'profile',
		alreadyIntroduced: taken.has(Number(r.creative_id))
	}));
	for (const r of c)
		out.push({
			creativeId: Number(r.creative_id),
			profileId: null,
			caseId: Number(r.id),
			name: r.name,
			submarkets: r.submarket ? [r.submarket] : [],
			landIso: r.land_iso,
			town: null,
			source: 'case',
			alreadyIntroduced: taken.has(Number(r.creative_id))
		});
	return out;
}

export interface IntroductionRow {
	id: number;
	creativeId: number;
	name: string;
	origin: 'consultant' | 'creative';
	status: IntroductionStatus;
	creativeMessage: string | null;
	outcome: IntroductionOutcome | null;
	proposedAt: number | null;
	respondedAt: number | null;
	caseId: number | null;
}

export async function introductionsForRequest(
	db: Db | Tx,
	scope: OfficeScope,
	officeId: number,
	requestId: number
): Promise<IntroductionRow[]> {
	if (!scopeIncludes(scope, officeId)) return [];
	const rows = await introductionWithNames(db)
		.select([
			'n.id',
			'n.creative_id',
			'n.origin',
			'n.status',
			'n.creative_message',
			'n.outcome',
			'n.proposed_at',
			'n.responded_at',
			'n.case_id',
			'p.display_name',
			'f.name as case_name'
		])
		.where('n.request_id', '=', requestId)
		.where('n.office_id', '=', officeId)
		.orderBy('n.id')
		.execute();
	return rows.map((r) => ({
		id: Number(r.id),
		creativeId: Number(r.creative_id),
		name: r.display_name || r.case_name || `#${r.creative_id}`,
		origin: r.origin,
		status: r.status,
		creativeMessage: r.creative_message,
		outcome: r.outcome,
		proposedAt: r.proposed_at == null ? null : Number(r.proposed_at),
		respondedAt: r.responded_at == null ? null : Number(r.responded_at),
		caseId: r.case_id == null ? null : Number(r.case_id)
	}));
}

export type ProposeResult =
	| { ok: true; introductionId: number }
	| { ok: false; reason: 'not_found' | 'already' | 'closed' };

type ProposeInput = {
	officeId: number;
	requestId: number;
	creativeId: number;
	profileId: number | null;
	caseId: number | null;
	message: string | null;
};

export async function proposeIntroduction(
	services: Services,
	staff: Staff,
	scope: OfficeScope,
	input: ProposeInput,
	ctx: RequestContext = {}
): Promise<ProposeResult> {
	try {
		return await inOfficeTransaction(services, scope, input.officeId, async (trx, now) => {
			const t = now.getTime();
			const parties = await proposalParties(trx, input);
			if (!parties.ok) return parties;
			const { request: r, creative: c, name, orgType } = parties;
			const token = randomToken();
			const introductionId = await insertProposal(trx, staff, input, r.id, token, t);
			await mailProposal(
				trx,
				services.config,
				{ ...r, orgType },
				c,
				{ name, input, token, introductionId },
				now
			);
			await auditVisibility(trx, now, ctx, staffActor(staff), 'introduction.proposed', {
				kind: 'introduction',
				id: introductionId,
				officeId: input.officeId,
				data: { request: Number(r.id), creative: input.creativeId }
			});
			return { ok: true as const, introductionId };
		});
	} catch (err) {
		if (isUniqueViolation(err)) return { ok: false, reason: 'already' };
		throw err;
	}
}

/**
 * The open request, the creative and the name they are proposed under, read in the one order the
 * transaction has always read them (request, creative, profile, case, decision maker).
 */
async function proposalParties(trx: Tx, input: ProposeInput) {
	const r = await trx
		.selectFrom('project_request')
		.select(['id', 'title', 'description', 'status', 'land_iso', 'region', 'decision_maker_id'])
		.where('id', '=', input.requestId)
		.where('office_id', '=', input.officeId)
		.executeTakeFirst();
	if (!r) return { ok: false as const, reason: 'not_found' as const };
	if (r.status !== 'open') return { ok: false as const, reason: 'closed' as const };
	const c = await trx
		.selectFrom('creative')
		.select(['id', 'email', 'locale', 'deleted_at'])
		.where('id', '=', input.creativeId)
		.executeTakeFirst();
	if (!c || c.deleted_at != null) return { ok: false as const, reason: 'not_found' as const };
	const name = await proposedName(trx, input);
	if (name === null) return { ok: false as const, reason: 'not_found' as const };
	const dm = await trx
		.selectFrom('decision_maker')
		.select(['org_type'])
		.where('id', '=', r.decision_maker_id)
		.executeTakeFirstOrThrow();
	return { ok: true as const, request: r, creative: c, name, orgType: dm.org_type };
}

/**
 * The public profile's name wins over the case's; either one given must belong to the creative
 * (and the case to this office), else null: nobody is proposed under a name that is not theirs.
 */
async function proposedName(trx: Tx, input: ProposeInput): Promise<string | null> {
	let name: string | null = null;
	if (input.profileId != null) {
		const p = await visibleProfiles(trx)
			.where('p.id', '=', input.profileId)
			.where('p.creative_id', '=', input.creativeId)
			.select('p.display_name')
			.executeTakeFirst();
		if (!p) return null;
		name = p.display_name;
	}
	if (input.caseId != null) {
		const f = await trx
			.selectFrom('case_file')
			.select('name')
			.where('id', '=', input.caseId)
			.where('office_id', '=', input.officeId)
			.where('creative_id', '=', input.creativeId)
			.executeTakeFirst();
		if (!f) return null;
		name ??= f.name;
	}
	return name;
}

async function insertProposal(
	trx: Tx,
	staff: Staff,
	input: ProposeInput,
	requestId: number,
	token: string,
	t: number
): Promise<number> {
	const row = await trx
		.insertInto('introduction')
		.values({
			request_id: requestId,
			office_id: input.officeId,
			creative_id: input.creativeId,
			profile_id: input.profileId,
			case_id: input.caseId,
			origin: 'consultant',
			status: 'proposed',
			consultant_message: input.message,
			token_hash: hashToken(token),
			token_expires_at: t + INTRODUCTION_LINK_MS,
			proposed_by: staff.id,
			proposed_at: t,
			created_at: t,
			updated_at: t
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(row.id);
}

async function mailProposal(
	trx: Tx,
	config: Services['config'],
	r: { title: string; description: string; land_iso: string; region: string; orgType: string },
	c: { email: string; locale: string | null },
	p: { name: string; input: ProposeInput; token: string; introductionId: number },
	now: Date
): Promise<void> {
	const locale = localeOf(c.locale);
	await enqueueMail(
		trx,
		{
			to: c.email,
			locale,
			template: 'visibility.proposal',
			mail: proposalMail(locale, {
				name: p.name,
				title: r.title,
				orgType: translate(locale, `visibility.orgType.${r.orgType}` as 'visibility.orgType.company'),
				region: [r.region, translate(locale, `reference.land.${r.land_iso}` as 'reference.land.DE-BE')]
					.filter(Boolean)
					.join(', '),
				description: r.description,
				consultantMessage: p.input.message,
				link: absoluteLink(config.publicBaseUrl, locale, `/vorstellung/${p.token}`)
			}),
			officeId: p.input.officeId,
			subject: { kind: 'introduction', id: p.introductionId }
		},
		now
	);
}

export interface IntroductionPage {
	status: IntroductionStatus;
	title: string;
	description: string;
	orgType: string;
	landIso: string;
	region: string;
	submarkets: string[];
	budgetMin: number | null;
	budgetMax: number | null;
	deadline: string | null;
	consultantMessage: string | null;
	officeName: string;
}

export type IntroductionCheck =
	| { ok: true; page: IntroductionPage }
	| { ok: false; reason: 'invalid' | 'expired' };

/** An introduction (n) with the request it answers (r): the base of every read that names the request. */
export function introductionWithRequest(db: Db | Tx) {
	return db.selectFrom('introduction as n').innerJoin('project_request as r', 'r.id', 'n.request_id');
}

/**
 * An introduction with its request and the names the creative goes by: their profile's (p) and
 * their case's (f), either of which may be missing.
 */
function introductionWithNames(db: Db | Tx) {
	return introductionWithRequest(db)
		.leftJoin('profile as p', 'p.id', 'n.profile_id')
		.leftJoin('case_file as f', 'f.id', 'n.case_id');
}

/** An introduction with both parties: the request's decision maker (d) and the creative (c). */
function introductionWithParties(db: Db | Tx) {
	return introductionWithRequest(db)
		.innerJoin('decision_maker as d', 'd.id', 'r.decision_maker_id')
		.innerJoin('creative as c', 'c.id', 'n.creative_id');
}

/** The page the proposal mail links to: shows the request (no contact data yet), changes nothing. */
export async function inspectIntroduction(db: Db | Tx, token: string, now: Date): Promise<IntroductionCheck> {
	if (!plausibleToken(token)) return { ok: false, reason: 'invalid' };
	const row = await introductionWithParties(db)
		.innerJoin('office as o', 'o.id', 'n.office_id')
		.select([
			'n.status',
			'n.token_expires_at',
			'n.consultant_message',
			'r.title',
			'r.description',
			'r.land_iso',
			'r.region',
			'r.submarkets',
			'r.budget_min',
			'r.budget_max',
			'r.deadline',
			'd.org_type',
			'o.name as office_name',
			'c.deleted_at'
		])
		.where('n.token_hash', '=', hashToken(token))
		.executeTakeFirst();
	if (!row || row.deleted_at != null) return { ok: false, reason: 'invalid' };
	if (row.status === 'proposed' && Number(row.token_expires_at) <= now.getTime())
		return { ok: false, reason: 'expired' };
	return {
		ok: true,
		page: {
			status: row.status,
			title: row.title,
			description: row.description,
			orgType: row.org_type,
			landIso: row.land_iso,
			region: row.region,
			submarkets: storedStrings(row.submarkets),
			budgetMin: row.budget_min == null ? null : Number(row.budget_min),
			budgetMax: row.budget_max == null ? null : Number(row.budget_max),
			deadline: row.deadline,
			consultantMessage: row.consultant_message,
			officeName: row.office_name
		}
	};
}

/** Mails each side the other's contact data; only ever called on acceptance. */
async function exchangeContacts(
	trx: Tx,
	services: Services,
	introductionId: number,
	now: Date
): Promise<void> {
	const { config } = services;
	const n = await contactsToExchange(trx, introductionId);
	const creativeName = n.display_name || n.case_name || '';
	const dmLocale = localeOf(n.dm_locale);
	const profileVisible = n.profile_id != null && n.profile_status === 'published' && n.hidden_at == null;
	if (n.dm_erased == null)
		await enqueueMail(
			trx,
			{
				to: n.dm_email,
				toName: n.contact_name,
				locale: dmLocale,
				template: 'visibility.intro_decision_maker',
				mail: introductionToDecisionMakerMail(dmLocale, {
					name: n.contact_name,
					title: n.title,
					creativeName,
					creativeEmail: n.creative_email,
					profileLink: profileVisible
						? absoluteLink(config.publicBaseUrl, dmLocale, `/kreative/${n.profile_id}`)
						: null,
					message: n.creative_message
				}),
				dedupeKey: `visibility.intro_dm:${n.id}`,
				officeId: n.office_id,
				subject: { kind: 'introduction', id: Number(n.id) }
			},
			now
		);
	const cLocale = localeOf(n.creative_locale);
	await enqueueMail(
		trx,
		{
			to: n.creative_email,
			locale: cLocale,
			template: 'visibility.intro_creative',
			mail: introductionToCreativeMail(cLocale, {
				name: creativeName,
				title: n.title,
				organisation: n.organisation,
				contactName: n.contact_name,
				email: n.dm_email,
				phone: n.phone
			}),
			dedupeKey: `visibility.intro_creative:${n.id}`,
			officeId: n.office_id,
			subject: { kind: 'introduction', id: Number(n.id) }
		},
		now
	);
}

/** Both sides' contact data, and whether the creative's profile may be linked (published, not hidden). */
async function contactsToExchange(trx: Tx, introductionId: number) {
	return introductionWithNames(trx)
		.innerJoin('decision_maker as d', 'd.id', 'r.decision_maker_id')
		.innerJoin('creative as c', 'c.id', 'n.creative_id')
		.select([
			'n.id',
			'n.office_id',
			'n.creative_message',
			'n.profile_id',
			'r.title',
			'd.email as dm_email',
			'd.contact_name',
			'd.organisation',
			'd.phone',
			'd.locale as dm_locale',
			'd.erased_at as dm_erased',
			'c.email as creative_email',
			'c.locale as creative_locale',
			'p.display_name',
			'p.status as profile_status',
			'p.hidden_at',
			'f.name as case_name'
		])
		.where('n.id', '=', introductionId)
		.executeTakeFirstOrThrow();
}

export type RespondResult =
	| { ok: true; status: 'accepted' | 'declined' }
	| { ok: false; reason: 'invalid' | 'expired' | 'answered' };

/** The button on /vorstellung/[token]: one conditional update, so a double submit answers once. */
export async function respondToIntroduction(
	services: Services,
	input: { token: string; decision: 'accept' | 'decline'; message: string | null },
	ctx: RequestContext = {}
): Promise<RespondResult> {
	if (!plausibleToken(input.token)) return { ok: false, reason: 'invalid' };
	const status = input.decision === 'accept' ? ('accepted' as const) : ('declined' as const);
	return transactNow(services, async (trx, now) => {
		const t = now.getTime();
		const n = await trx
			.selectFrom('introduction as n')
			.innerJoin('creative as c', 'c.id', 'n.creative_id')
			.select(['n.id', 'n.status', 'n.token_expires_at', 'n.creative_id', 'n.office_id', 'c.deleted_at'])
			.where('n.token_hash', '=', hashToken(input.token))
			.executeTakeFirst();
		if (!n || n.deleted_at != null) return { ok: false as const, reason: 'invalid' as const };
		if (!canRespond(n.status)) return { ok: false as const, reason: 'answered' as const };
		if (Number(n.token_expires_at) <= t) return { ok: false as const, reason: 'expired' as const };
		const res = await trx
			.updateTable('introduction')
			.set({ status, creative_message: input.message, responded_at: t, updated_at: t })
			.where('id', '=', n.id)
			.where('status', '=', 'proposed')
			.executeTakeFirst();
		if (Number(res.numUpdatedRows) !== 1) return { ok: false as const, reason: 'answered' as const };
		if (status === 'accepted') await exchangeContacts(trx, services, Number(n.id), now);
		await auditVisibility(trx, now, ctx, creativeActor(Number(n.creative_id)), `introduction.${status}`, {
			kind: 'introduction',
			id: Number(n.id),
			officeId: n.office_id
		});
		return { ok: true as const, status };
	});
}

export type StaffIntroductionResult = { ok: true } | { ok: false; reason: 'not_found' | 'state' };

/**
 * Staff moves on one introduction: pass on a creative's interest (they consented by expressing
 * it, so contacts are exchanged), decline it, withdraw an unanswered proposal, or record the
 * outcome of an accepted one.
 */
export async function staffIntroductionAction(
	services: Services,
	staff: Staff,
	scope: OfficeScope,
	input: {
		officeId: number;
		introductionId: number;
		action: 'forward' | 'decline_interest' | 'withdraw' | 'outcome';
		outcome?: IntroductionOutcome;
	},
	ctx: RequestContext = {}
): Promise<StaffIntroductionResult> {
	return inOfficeTransaction(services, scope, input.officeId, async (trx, now) => {
		const t = now.getTime();
		const n = await trx
			.selectFrom('introduction')
			.select(['id', 'status', 'request_id'])
			.where('id', '=', input.introductionId)
			.where('office_id', '=', input.officeId)
			.executeTakeFirst();
		if (!n) return { ok: false as const, reason: 'not_found' as const };
		let q = trx.updateTable('introduction').where('id', '=', n.id);
		switch (input.action) {
			case 'forward':
				q = q
					.set({ status: 'accepted', proposed_by: staff.id, proposed_at: t, responded_at: t, updated_at: t })
					.where('status', '=', 'interest');
				break;
			case 'decline_interest':
				q = q.set({ status: 'withdrawn', updated_at: t }).where('status', '=', 'interest');
				break;
			case 'withdraw':
				q = q.set({ status: 'withdrawn', token_hash: null, updated_at: t }).where('status', '=', 'proposed');
				break;
			case 'outcome':
				if (!input.outcome || !canRecordOutcome(n.status))
					return { ok: false as const, reason: 'state' as const };
				q = q
					.set({ outcome: input.outcome, outcome_at: t, outcome_by: staff.id, updated_at: t })
					.where('status', '=', 'accepted');
				break;
		}
		const res = await q.executeTakeFirst();
		if (Number(res.numUpdatedRows) !== 1) return { ok: false as const, reason: 'state' as const };
		if (input.action === 'forward') {
			const r = await trx
				.selectFrom('project_request')
				.select('status')
				.where('id', '=', n.request_id)
				.executeTakeFirstOrThrow();
			if (r.status !== 'open') throw new Error('request closed');
			await exchangeContacts(trx, services, Number(n.id), now);
		}
		const action = `introduction.${input.action === 'outcome' ? 'outcome_recorded' : input.action}`;
		await auditVisibility(trx, now, ctx, staffActor(staff), action, {
			kind: 'introduction',
			id: Number(n.id),
			officeId: input.officeId,
			data: input.outcome ? { outcome: input.outcome } : undefined
		});
		return { ok: true as const };
	});
}

/**
 * Case timeline entries (cases/timeline.ts `extra.events`): introductions of the case's
 * creative brokered by the case's office, as `case_event` entries with events
 * introduction.proposed | interest | accepted | declined | withdrawn | outcome.
 */
export async function introductionsForTimeline(
	db: Db | Tx,
	caseId: number
): Promise<
	{ at: number; kind: 'case_event'; event: string; actorKind: string; data: Record<string, unknown> }[]
> {
	const f = await db
		.selectFrom('case_file')
		.select(['creative_id', 'office_id'])
		.where('id', '=', caseId)
		.executeTakeFirst();
	if (!f) return [];
	const rows = await introductionWithRequest(db)
		.select([
			'n.id',
			'n.origin',
			'n.status',
			'n.created_at',
			'n.proposed_at',
			'n.responded_at',
			'n.outcome',
			'n.outcome_at',
			'r.title'
		])
		.where((eb) =>
			eb.or([
				eb('n.case_id', '=', caseId),
				eb.and([eb('n.creative_id', '=', f.creative_id), eb('n.office_id', '=', f.office_id)])
			])
		)
		.execute();
	const out: {
		at: number;
		kind: 'case_event';
		event: string;
		actorKind: string;
		data: Record<string, unknown>;
	}[] = [];
	for (const n of rows) {
		const data = { introductionId: Number(n.id), title: n.title };
		if (n.origin === 'creative')
			out.push({
				at: Number(n.created_at),
				kind: 'case_event',
				event: 'introduction.interest',
				actorKind: 'creative',
				data
			});
		if (n.proposed_at != null)
			out.push({
				at: Number(n.proposed_at),
				kind: 'case_event',
				event: 'introduction.proposed',
				actorKind: 'staff',
				data
			});
		if (n.responded_at != null && (n.status === 'accepted' || n.status === 'declined'))
			out.push({
				at: Number(n.responded_at),
				kind: 'case_event',
				event: `introduction.${n.status}`,
				actorKind: n.origin === 'creative' ? 'staff' : 'creative',
				data
			});
		if (n.outcome != null && n.outcome_at != null)
			out.push({
				at: Number(n.outcome_at),
				kind: 'case_event',
				event: 'introduction.outcome',
				actorKind: 'staff',
				data: { ...data, outcome: n.outcome }
			});
	}
	return out.sort((a, b) => b.at - a.at);
}

export interface VisibilityFigures {
	profilesPublished: number;
	introductionsProposed: number;
	introductionsAccepted: number;
	/** "Kooperationen angestoßen": introductions whose recorded outcome is a cooperation. */
	cooperations: number;
}

/**
 * Counts for the statistics (issue 6), anonymous: profiles first approved in [from, to),
 * introductions proposed (or interest passed on) in the period, accepted in the period, and
 * cooperations recorded in the period, for the given offices.
 */
export async function visibilityFigures(
	db: Db | Tx,
	o: { officeIds: number[] | 'all'; from: number; to: number }
): Promise<VisibilityFigures> {
	if (o.officeIds !== 'all' && o.officeIds.length === 0)
		return { profilesPublished: 0, introductionsProposed: 0, introductionsAccepted: 0, cooperations: 0 };
	const offices = o.officeIds;
	const profiles = await db
		.selectFrom('profile')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('first_approved_at', '>=', o.from)
		.where('first_approved_at', '<', o.to)
		.$if(offices !== 'all', (q) => q.where('office_id', 'in', offices as number[]))
		.executeTakeFirstOrThrow();
	const intro = (column: 'proposed_at' | 'responded_at' | 'outcome_at') =>
		db
			.selectFrom('introduction')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where(column, '>=', o.from)
			.where(column, '<', o.to)
			.$if(offices !== 'all', (q) => q.where('office_id', 'in', offices as number[]));
	const [proposed, accepted, coop] = await Promise.all([
		intro('proposed_at').executeTakeFirstOrThrow(),
		intro('responded_at').where('status', '=', 'accepted').executeTakeFirstOrThrow(),
		intro('outcome_at').where('outcome', '=', 'cooperation').executeTakeFirstOrThrow()
	]);
	const profilesPublished = Number(profiles.n);
	const introductionsProposed = Number(proposed.n);
	const introductionsAccepted = Number(accepted.n);
	const cooperations = Number(coop.n);
	return { profilesPublished, introductionsProposed, introductionsAccepted, cooperations };
}
