import { HOUR } from '../../time/durations';
import { type OfficeScope, scopeIncludes } from '../access/scope';
import type { ProjectRequestStatus } from '../db/schema';
import { useLinkToken } from '../db/link-tokens';
import { knownKeyCount } from '../db/reference-keys';
import { type Db, type Tx, isUniqueViolation, transact, transactNow } from '../db/transaction';
import { type RequestContext, absoluteLink, countHit, strictest, throttleKey } from '../identity/index';
import { enqueueMail } from '../notifications/index';
import { hashToken, plausibleToken, randomToken } from '../platform/tokens';
import { officesForLand } from '../reference/index';
import type { Services } from '../runtime';
import type { Locale } from '../../i18n/locale';
import { auditVisibility, creativeActor, decisionMakerActor, storedStrings, staffActor } from './actors';
import { inOfficeTransaction } from './office-command';
import { currentVisibilityConsent, ensureVisibilityConsent } from './consent';
import { liveProfileOf } from './profiles';
import { requestConfirmMail, requestModeratedMail } from './mails';
import { REQUEST_CONFIRM_MS, requestAcceptsInterest } from './rules';
import type { RequestFormInput } from './schema';

/**
 * Decision makers and their requests (Gesuche), issue 7 item 4. A decision maker has no
 * password: the form registers the organisation and the request at once, and the link in the
 * mail (a page whose button POSTs) verifies the address and sends the request to the office's
 * review. Staff approve (public or private as the decision maker chose) or reject with a reason.
 */
const PURPOSE = 'request_confirm';
export const REQUESTS_PER_EMAIL_HOUR = 5;

export type SubmitRequestResult =
	| { ok: true; requestId: number }
	| { ok: false; reason: 'invalid'; fields: Record<string, 'unknown' | 'past' | 'no_office'> }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * The request form's rules that need the database: every sub-market known, an office in
 * service for the Land (it receives the request). Read-only: submitRequest asks it in its
 * transaction, and a form that failed its schema asks it on the fields that were fine, so every
 * error shows in one round (issue 16). A field left out is not asked about.
 */
export async function requestRuleFields(
	db: Db | Tx,
	input: { submarkets?: readonly string[] | undefined; land?: string | undefined },
	now: Date
) {
	const fields: Record<string, 'unknown' | 'no_office'> = {};
	const submarkets = input.submarkets ?? [];
	// No sub-markets, no query: a count of 0 equals the 0 chosen.
	const known = await knownKeyCount(db, 'submarket', submarkets, false);
	if (known !== new Set(submarkets).size) fields.submarkets = 'unknown';
	const office = input.land === undefined ? undefined : (await officesForLand(db, input.land, now))[0];
	if (input.land !== undefined && !office) fields.land = 'no_office';
	return { fields, office };
}

export async function submitRequest(
	services: Services,
	input: RequestFormInput & { locale: Locale; clientAddress: string; today: string },
	ctx: RequestContext = {}
): Promise<SubmitRequestResult> {
	const { db, clock } = services;
	const now = clock.now();
	const t = now.getTime();
	if (input.deadline && input.deadline < input.today)
		return { ok: false, reason: 'invalid', fields: { deadline: 'past' } };
	const decision = await countRequest(services, input, now);
	if (!decision.allowed)
		return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
	const key = `form:${input.submission_id}`;
	try {
		return await transact(db, async (trx) => {
			const again = await requestByKey(trx, key);
			if (again) return { ok: true as const, requestId: Number(again.id) };
			const { fields, office } = await requestRuleFields(trx, input, now);
			if (Object.keys(fields).length > 0 || !office)
				return { ok: false as const, reason: 'invalid' as const, fields };
			await ensureVisibilityConsent(trx, now);
			const consent = await currentVisibilityConsent(trx, 'request');
			const dmId = await upsertDecisionMaker(trx, input, consent.version, t);
			const request = await trx
				.insertInto('project_request')
				.values({
					decision_maker_id: dmId,
					office_id: office.id,
					title: input.title,
					description: input.description,
					submarkets: JSON.stringify([...new Set(input.submarkets)]),
					land_iso: input.land,
					region: input.region ?? '',
					budget_min: input.budget_min,
					budget_max: input.budget_max,
					deadline: input.deadline,
					visibility: input.visibility,
					status: 'unverified',
					idempotency_key: key,
					created_at: t,
					updated_at: t
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const requestId = Number(request.id);
			await mailConfirmLink(trx, services, input, { requestId, officeId: office.id }, now);
			await auditVisibility(trx, now, ctx, decisionMakerActor(dmId), 'request.submitted', {
				kind: 'project_request',
				id: requestId,
				officeId: office.id,
				data: { consentVersion: consent.version, visibility: input.visibility }
			});
			return { ok: true as const, requestId };
		});
	} catch (err) {
		if (!isUniqueViolation(err)) throw err;
		const row = await requestByKey(db, key);
		if (!row) throw err;
		return { ok: true, requestId: Number(row.id) };
	}
}

/** The request a form submission already made: asked first in the transaction, and again after losing the insert race. */
function requestByKey(db: Db | Tx, key: string) {
	return db.selectFrom('project_request').select('id').where('idempotency_key', '=', key).executeTakeFirst();
}

/** One hit on both counters a public request counts against: the client's address and the e-mail. */
async function countRequest(
	{ db, config }: Services,
	input: { clientAddress: string; email: string },
	now: Date
) {
	return strictest(
		await countHit(
			db,
			throttleKey('request-address', input.clientAddress),
			{ limit: config.publicFormLimit, windowMs: HOUR },
			now
		),
		await countHit(
			db,
			throttleKey('request-email', input.email),
			{ limit: REQUESTS_PER_EMAIL_HOUR, windowMs: HOUR },
			now
		)
	);
}

/**
 * The decision maker behind a request, by e-mail. A verified record changes only through a
 * verified link: an unconfirmed form must not overwrite someone's organisation data. Unverified
 * ones take the newest details.
 */
async function upsertDecisionMaker(
	trx: Tx,
	input: RequestFormInput & { locale: Locale },
	consentVersion: number,
	t: number
): Promise<number> {
	const existing = await trx
		.selectFrom('decision_maker')
		.select(['id', 'email_verified_at'])
		.where('email', '=', input.email)
		.executeTakeFirst();
	const details = {
		organisation: input.organisation,
		org_type: input.org_type,
		contact_name: input.contact_name,
		phone: input.phone,
		locale: input.locale,
		consent_version: consentVersion,
		updated_at: t
	};
	if (existing) {
		if (existing.email_verified_at == null)
			await trx.updateTable('decision_maker').set(details).where('id', '=', existing.id).execute();
		return Number(existing.id);
	}
	const row = await trx
		.insertInto('decision_maker')
		.values({ ...details, email: input.email, email_verified_at: null, created_at: t })
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(row.id);
}

/** The single-purpose confirmation link (stored as a hash) and the mail that carries it. */
async function mailConfirmLink(
	trx: Tx,
	{ config }: Services,
	input: RequestFormInput & { locale: Locale },
	request: { requestId: number; officeId: number },
	now: Date
): Promise<void> {
	const t = now.getTime();
	const token = randomToken();
	await trx
		.insertInto('auth_token')
		.values({
			token_hash: hashToken(token),
			purpose: PURPOSE,
			subject_kind: 'project_request',
			subject_id: request.requestId,
			created_at: t,
			expires_at: t + REQUEST_CONFIRM_MS,
			used_at: null
		})
		.execute();
	await enqueueMail(
		trx,
		{
			to: input.email,
			toName: input.contact_name,
			locale: input.locale,
			template: 'visibility.request_confirm',
			mail: requestConfirmMail(input.locale, {
				name: input.contact_name,
				title: input.title,
				link: absoluteLink(config.publicBaseUrl, input.locale, `/gesuche/bestaetigen/${token}`)
			}),
			officeId: request.officeId,
			subject: { kind: 'project_request', id: request.requestId }
		},
		now
	);
}

export type ConfirmCheck =
	| { ok: true; requestId: number; title: string; confirmed: boolean }
	| { ok: false; reason: 'invalid' | 'expired' };

/** For the page the mail link opens: changes nothing. */
export async function inspectRequestLink(db: Db | Tx, token: string, now: Date): Promise<ConfirmCheck> {
	if (!plausibleToken(token)) return { ok: false, reason: 'invalid' };
	const row = await db
		.selectFrom('auth_token as a')
		.innerJoin('project_request as r', 'r.id', 'a.subject_id')
		.select(['a.expires_at', 'a.used_at', 'r.id', 'r.title', 'r.status'])
		.where('a.token_hash', '=', hashToken(token))
		.where('a.purpose', '=', PURPOSE)
		.where('a.subject_kind', '=', 'project_request')
		.executeTakeFirst();
	if (!row) return { ok: false, reason: 'invalid' };
	if (row.used_at != null) return { ok: true, requestId: Number(row.id), title: row.title, confirmed: true };
	if (Number(row.expires_at) <= now.getTime()) return { ok: false, reason: 'expired' };
	return { ok: true, requestId: Number(row.id), title: row.title, confirmed: false };
}

/** The button on that page: verifies the address and hands the request to the office. */
export async function confirmRequest(
	services: Services,
	token: string,
	ctx: RequestContext = {}
): Promise<ConfirmCheck> {
	if (!plausibleToken(token)) return { ok: false, reason: 'invalid' };
	return transactNow(services, async (trx, now) => {
		const t = now.getTime();
		const requestId = await useLinkToken(trx, token, PURPOSE, t);
		if (requestId === null) return inspectRequestLink(trx, token, now);
		const r = await trx
			.selectFrom('project_request')
			.select(['id', 'title', 'decision_maker_id', 'office_id'])
			.where('id', '=', requestId)
			.executeTakeFirstOrThrow();
		await trx
			.updateTable('project_request')
			.set({ status: 'pending', verified_at: t, updated_at: t })
			.where('id', '=', r.id)
			.where('status', '=', 'unverified')
			.execute();
		const dm = await trx
			.selectFrom('decision_maker')
			.select('email_verified_at')
			.where('id', '=', r.decision_maker_id)
			.executeTakeFirstOrThrow();
		if (dm.email_verified_at == null)
			await trx
				.updateTable('decision_maker')
				.set({ email_verified_at: t, updated_at: t })
				.where('id', '=', r.decision_maker_id)
				.execute();
		const actor = decisionMakerActor(Number(r.decision_maker_id));
		await auditVisibility(trx, now, ctx, actor, 'request.confirmed', {
			kind: 'project_request',
			id: Number(r.id),
			officeId: r.office_id
		});
		return { ok: true as const, requestId: Number(r.id), title: r.title, confirmed: true };
	});
}

export interface RequestView {
	id: number;
	officeId: number;
	title: string;
	description: string;
	submarkets: string[];
	landIso: string;
	region: string;
	budgetMin: number | null;
	budgetMax: number | null;
	deadline: string | null;
	visibility: 'public' | 'private';
	status: ProjectRequestStatus;
	rejectReason: string | null;
	createdAt: number;
	orgType: string;
}

export interface StaffRequestView extends RequestView {
	decisionMaker: {
		id: number;
		organisation: string;
		contactName: string;
		email: string;
		phone: string | null;
		verified: boolean;
	};
}

function requestQuery(db: Db | Tx) {
	return db
		.selectFrom('project_request as r')
		.innerJoin('decision_maker as d', 'd.id', 'r.decision_maker_id')
		.select([
			'r.id',
			'r.office_id',
			'r.title',
			'r.description',
			'r.submarkets',
			'r.land_iso',
			'r.region',
			'r.budget_min',
			'r.budget_max',
			'r.deadline',
			'r.visibility',
			'r.status',
			'r.reject_reason',
			'r.created_at',
			'd.id as dm_id',
			'd.organisation',
			'd.org_type',
			'd.contact_name',
			'd.email',
			'd.phone',
			'd.email_verified_at'
		]);
}
type RequestRow = Awaited<ReturnType<ReturnType<typeof requestQuery>['execute']>>[number];

/** One request of one office, whatever its state: the row staff look at or act on. */
function officeRequest(db: Db | Tx, officeId: number, requestId: number) {
	return requestQuery(db)
		.where('r.id', '=', requestId)
		.where('r.office_id', '=', officeId)
		.executeTakeFirst();
}

function toView(r: RequestRow): RequestView {
	return {
		id: Number(r.id),
		officeId: Number(r.office_id),
		title: r.title,
		description: r.description,
		submarkets: storedStrings(r.submarkets),
		landIso: r.land_iso,
		region: r.region,
		budgetMin: r.budget_min == null ? null : Number(r.budget_min),
		budgetMax: r.budget_max == null ? null : Number(r.budget_max),
		deadline: r.deadline,
		visibility: r.visibility,
		status: r.status,
		rejectReason: r.reject_reason,
		createdAt: Number(r.created_at),
		orgType: r.org_type
	};
}

function toStaffView(r: RequestRow): StaffRequestView {
	return {
		...toView(r),
		decisionMaker: {
			id: Number(r.dm_id),
			organisation: r.organisation,
			contactName: r.contact_name,
			email: r.email,
			phone: r.phone,
			verified: r.email_verified_at != null
		}
	};
}

/** Public: open requests the decision maker wanted public; no contact data, no organisation name. */
export async function publicRequests(db: Db | Tx): Promise<RequestView[]> {
	const rows = await requestQuery(db)
		.where('r.status', '=', 'open')
		.where('r.visibility', '=', 'public')
		.orderBy('r.approved_at', 'desc')
		.execute();
	return rows.map(toView);
}

export async function publicRequest(db: Db | Tx, id: number): Promise<RequestView | null> {
	if (!Number.isSafeInteger(id) || id <= 0) return null;
	const row = await requestQuery(db)
		.where('r.id', '=', id)
		.where('r.status', '=', 'open')
		.where('r.visibility', '=', 'public')
		.executeTakeFirst();
	return row ? toView(row) : null;
}

export async function officeRequests(
	db: Db | Tx,
	scope: OfficeScope,
	officeId: number
): Promise<StaffRequestView[]> {
	if (!scopeIncludes(scope, officeId)) return [];
	const rows = await requestQuery(db)
		.where('r.office_id', '=', officeId)
		.where('r.status', 'in', ['pending', 'open'])
		.orderBy('r.created_at')
		.execute();
	return rows.map(toStaffView);
}

export async function staffRequest(
	db: Db | Tx,
	scope: OfficeScope,
	officeId: number,
	requestId: number
): Promise<StaffRequestView | null> {
	if (!scopeIncludes(scope, officeId) || !Number.isSafeInteger(requestId)) return null;
	const row = await officeRequest(db, officeId, requestId);
	return row && row.status !== 'unverified' ? toStaffView(row) : null;
}

export type RequestModerationResult = { ok: true } | { ok: false; reason: 'not_found' | 'state' };

export async function moderateRequest(
	services: Services,
	staff: { id: number; email: string },
	scope: OfficeScope,
	input: {
		officeId: number;
		requestId: number;
		action: 'approve' | 'reject' | 'close';
		reason: string | null;
	},
	ctx: RequestContext = {}
): Promise<RequestModerationResult> {
	return inOfficeTransaction(services, scope, input.officeId, async (trx, now) => {
		const t = now.getTime();
		const r = await officeRequest(trx, input.officeId, input.requestId);
		if (!r) return { ok: false as const, reason: 'not_found' as const };
		const from: ProjectRequestStatus = input.action === 'close' ? 'open' : 'pending';
		const to: ProjectRequestStatus =
			input.action === 'approve' ? 'open' : input.action === 'reject' ? 'rejected' : 'closed';
		const res = await trx
			.updateTable('project_request')
			.set({
				status: to,
				moderated_by: staff.id,
				updated_at: t,
				...(input.action === 'approve' ? { approved_at: t } : {}),
				...(input.action === 'reject' ? { reject_reason: input.reason ?? '' } : {}),
				...(input.action === 'close' ? { closed_at: t } : {})
			})
			.where('id', '=', r.id)
			.where('status', '=', from)
			.executeTakeFirst();
		if (Number(res.numUpdatedRows) !== 1) return { ok: false as const, reason: 'state' as const };
		if (input.action !== 'close') {
			const dm = await trx
				.selectFrom('decision_maker')
				.select(['email', 'locale', 'contact_name', 'erased_at'])
				.where('id', '=', r.dm_id)
				.executeTakeFirstOrThrow();
			if (dm.erased_at == null) {
				const locale = (dm.locale === 'en' ? 'en' : 'de') as Locale;
				await enqueueMail(
					trx,
					{
						to: dm.email,
						toName: dm.contact_name,
						locale,
						template: `visibility.request_${input.action === 'approve' ? 'approved' : 'rejected'}`,
						mail: requestModeratedMail(locale, {
							outcome: input.action === 'approve' ? 'approved' : 'rejected',
							name: dm.contact_name,
							title: r.title,
							reason: input.action === 'reject' ? input.reason : null
						}),
						officeId: input.officeId,
						subject: { kind: 'project_request', id: Number(r.id) }
					},
					now
				);
			}
		}
		const action = `request.${input.action === 'approve' ? 'approved' : input.action === 'reject' ? 'rejected' : 'closed'}`;
		await auditVisibility(trx, now, ctx, staffActor(staff), action, {
			kind: 'project_request',
			id: Number(r.id),
			officeId: input.officeId
		});
		return { ok: true as const };
	});
}

export type InterestResult =
	| { ok: true }
	| { ok: false; reason: 'not_found' | 'already' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/** Interest a creative may express per hour (one per request anyway; this stops scripted spam). */
export const INTERESTS_PER_CREATIVE_HOUR = 10;

/** A creative shows interest in a public request; the office decides whether to pass it on. */
export async function expressInterest(
	services: Services,
	creativeId: number,
	input: { requestId: number; message: string },
	ctx: RequestContext = {}
): Promise<InterestResult> {
	const { db, clock } = services;
	const now = clock.now();
	const t = now.getTime();
	const decision = await countHit(
		db,
		throttleKey('request-interest', String(creativeId)),
		{ limit: INTERESTS_PER_CREATIVE_HOUR, windowMs: HOUR },
		now
	);
	if (!decision.allowed)
		return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
	return transact(db, async (trx): Promise<InterestResult> => {
		const r = await trx
			.selectFrom('project_request')
			.select(['id', 'status', 'visibility', 'office_id'])
			.where('id', '=', input.requestId)
			.executeTakeFirst();
		if (!r || !requestAcceptsInterest(r)) return { ok: false as const, reason: 'not_found' as const };
		const mine = await trx
			.selectFrom('introduction')
			.select('id')
			.where('request_id', '=', r.id)
			.where('creative_id', '=', creativeId)
			.executeTakeFirst();
		if (mine) return { ok: false as const, reason: 'already' as const };
		const profile = await liveProfileOf(trx, creativeId).select('id').executeTakeFirst();
		const row = await trx
			.insertInto('introduction')
			.values({
				request_id: r.id,
				office_id: r.office_id,
				creative_id: creativeId,
				profile_id: profile?.id ?? null,
				case_id: null,
				origin: 'creative',
				status: 'interest',
				creative_message: input.message,
				created_at: t,
				updated_at: t
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await auditVisibility(trx, now, ctx, creativeActor(creativeId), 'introduction.interest', {
			kind: 'introduction',
			id: Number(row.id),
			officeId: r.office_id
		});
		return { ok: true as const };
	});
}
