import { DAY } from '../../time/durations';
import type { OfficeScope } from '../access/scope';
import { scopeIncludes } from '../access/scope';
import { type AuditActor, recordAudit } from '../audit/index';
import type { ReferralStatus } from '../db/schema';
import { type Db, transactNow, type Tx } from '../db/transaction';
import { plausibleToken } from '../platform/tokens';
import type { Services } from '../runtime';
import {
	caseForStaff,
	inspectReferralToken,
	loadReferralForChange,
	type ReferralStaffActor
} from './queries';
import { decideTransition, isSettableStatus } from './rules';

/**
 * Changes to referrals. Every status change is one transaction with its referral_status_change
 * row and its audit row; setting the status a referral already has changes nothing (so a double
 * submit writes nothing twice). Who may change what is checked here against the case row.
 */
export type ReferralServices = Pick<Services, 'db' | 'clock'>;
export interface ReferralContext {
	requestId?: string | null;
}

export type StatusChangeResult =
	| { ok: true; changed: boolean; status: ReferralStatus }
	| { ok: false; reason: 'not_found' | 'refused' | 'invalid' | 'expired' };

/** The default follow-up delay when an office has no settings row (migration 06 default). */
export const DEFAULT_FOLLOWUP_DAYS = 21;

/**
 * Inserts referrals with status 'suggested' (one status change row each) and returns the new
 * ids. A service already referred in this case, an unknown service id and a duplicate in the
 * list are ignored (the unique (case_id, service_id) decides). No audit row: the caller
 * audits the change that made the referrals (the consultation record); addReferralsByStaff
 * below is the audited entry point of the referral page.
 */
export async function createReferrals(
	trx: Tx,
	input: {
		caseId: number;
		recordId: number | null;
		serviceIds: number[];
		staffId: number;
		now: Date;
		followupDays: number;
	}
): Promise<number[]> {
	const t = input.now.getTime();
	const wanted = [...new Set(input.serviceIds)].filter((id) => Number.isSafeInteger(id) && id > 0);
	if (wanted.length === 0) return [];
	const existing = await trx.selectFrom('cp_service').select('id').where('id', 'in', wanted).execute();
	const known = new Set(existing.map((s) => Number(s.id)));
	const ids: number[] = [];
	for (const serviceId of wanted) {
		if (!known.has(serviceId)) continue;
		const row = await trx
			.insertInto('referral')
			.values({
				case_id: input.caseId,
				record_id: input.recordId,
				service_id: serviceId,
				status: 'suggested',
				note: null,
				token_hash: null,
				token_expires_at: null,
				followup_due_at: t + input.followupDays * DAY,
				followup_sent_at: null,
				created_by: input.staffId,
				created_at: t,
				updated_at: t
			})
			.onConflict((oc) => oc.columns(['case_id', 'service_id']).doNothing())
			.returning('id')
			.executeTakeFirst();
		if (!row) continue;
		const id = Number(row.id);
		await trx
			.insertInto('referral_status_change')
			.values({ referral_id: id, at: t, status: 'suggested', actor_kind: 'staff', actor_id: input.staffId })
			.execute();
		ids.push(id);
	}
	return ids;
}

/** The office's referral_followup_days (21 when the office has no settings row). */
export async function followupDaysOf(db: Db | Tx, officeId: number): Promise<number> {
	const row = await db
		.selectFrom('office_case_setting')
		.select('referral_followup_days')
		.where('office_id', '=', officeId)
		.executeTakeFirst();
	return row ? Number(row.referral_followup_days) : DEFAULT_FOLLOWUP_DAYS;
}

const staffAudit = (a: ReferralStaffActor): AuditActor => ({ kind: 'staff', id: a.id, label: a.email });
const creativeAudit = (id: number): AuditActor => ({ kind: 'creative', id, label: `creative ${id}` });

export type AddReferralsResult = { ok: true; created: number[] } | { ok: false; reason: 'not_found' };

/**
 * The referral page's "add referral": scoped like every case read, one transaction with the new
 * referrals and one audit row 'referral.created' per referral.
 */
export async function addReferralsByStaff(
	services: ReferralServices,
	actor: ReferralStaffActor,
	scope: OfficeScope,
	input: { officeId: number; caseId: number; serviceIds: number[] },
	ctx: ReferralContext = {}
): Promise<AddReferralsResult> {
	return transactNow(services, async (trx, now) => {
		const c = await caseForStaff(trx, scope, actor, input.officeId, input.caseId);
		if (!c || c.erased) return { ok: false as const, reason: 'not_found' as const };
		const created = await createReferrals(trx, {
			caseId: c.id,
			recordId: null,
			serviceIds: input.serviceIds,
			staffId: actor.id,
			now,
			followupDays: await followupDaysOf(trx, c.officeId)
		});
		for (const id of created) {
			await recordAudit(
				trx,
				staffAudit(actor),
				{
					action: 'referral.created',
					subject: { kind: 'referral', id },
					officeId: c.officeId,
					data: { caseId: c.id }
				},
				{ now, requestId: ctx.requestId }
			);
		}
		return { ok: true as const, created };
	});
}

/** The one place a status changes: conditional on the status read, with history and audit. */
async function applyStatus(
	trx: Tx,
	r: { id: number; status: ReferralStatus; officeId: number; caseId: number },
	status: ReferralStatus,
	who: { audit: AuditActor; kind: 'staff' | 'creative'; id: number; via: 'staff' | 'portal' | 'link' },
	now: Date,
	ctx: ReferralContext
): Promise<StatusChangeResult> {
	const decision = decideTransition(r.status, status);
	if (decision === 'refused') return { ok: false, reason: 'refused' };
	if (decision === 'unchanged') return { ok: true, changed: false, status: r.status };
	const t = now.getTime();
	const res = await trx
		.updateTable('referral')
		.set({ status, updated_at: t })
		.where('id', '=', r.id)
		.where('status', '=', r.status)
		.executeTakeFirst();
	// Someone else changed it between our read and this write (PostgreSQL, read committed):
	// their change stands; report what is stored now.
	if (Number(res.numUpdatedRows) !== 1) {
		const now2 = await trx.selectFrom('referral').select('status').where('id', '=', r.id).executeTakeFirst();
		return now2 ? { ok: true, changed: false, status: now2.status } : { ok: false, reason: 'not_found' };
	}
	await trx
		.insertInto('referral_status_change')
		.values({ referral_id: r.id, at: t, status, actor_kind: who.kind, actor_id: who.id })
		.execute();
	await recordAudit(
		trx,
		who.audit,
		{
			action: 'referral.status_changed',
			subject: { kind: 'referral', id: r.id },
			officeId: r.officeId,
			data: { caseId: r.caseId, from: r.status, to: status, via: who.via }
		},
		{ now, requestId: ctx.requestId }
	);
	return { ok: true, changed: true, status };
}

/**
 * Staff change a status: the referral's case office must be in scope, and a consultant may
 * change only referrals of cases they are responsible for; anything else is not_found.
 */
export async function updateReferralStatusByStaff(
	services: ReferralServices,
	actor: ReferralStaffActor,
	scope: OfficeScope,
	referralId: number,
	status: string,
	ctx: ReferralContext = {}
): Promise<StatusChangeResult> {
	if (!isSettableStatus(status)) return { ok: false, reason: 'refused' };
	return staffStatusChange(services, actor, scope, { referralId, status }, ctx);
}

/**
 * Staff on one case's referral page: a referral of another case is not found — before the
 * status is looked at, so a form sent with a foreign referral learns nothing else.
 */
export async function updateCaseReferralStatus(
	services: ReferralServices,
	actor: ReferralStaffActor,
	scope: OfficeScope,
	input: { caseId: number; referralId: number; status: string },
	ctx: ReferralContext = {}
): Promise<StatusChangeResult> {
	return staffStatusChange(services, actor, scope, input, ctx);
}

async function staffStatusChange(
	services: ReferralServices,
	actor: ReferralStaffActor,
	scope: OfficeScope,
	input: { caseId?: number; referralId: number; status: string },
	ctx: ReferralContext
): Promise<StatusChangeResult> {
	const { caseId, referralId, status } = input;
	if (!Number.isSafeInteger(referralId) || referralId <= 0) return { ok: false, reason: 'not_found' };
	return transactNow(services, async (trx, now) => {
		const r = await loadReferralForChange(trx, referralId);
		if (!r || (caseId !== undefined && r.caseId !== caseId)) return { ok: false, reason: 'not_found' };
		if (!isSettableStatus(status)) return { ok: false, reason: 'refused' };
		if (r.erased || !scopeIncludes(scope, r.officeId)) return { ok: false, reason: 'not_found' };
		if (actor.role === 'consultant' && r.consultantId !== actor.id) return { ok: false, reason: 'not_found' };
		return applyStatus(
			trx,
			r,
			status,
			{ audit: staffAudit(actor), kind: 'staff', id: actor.id, via: 'staff' },
			now,
			ctx
		);
	});
}

/** The creative in the portal: only referrals of their own cases that the portal shows them. */
export async function updateReferralStatusByCreative(
	services: ReferralServices,
	creativeId: number,
	referralId: number,
	status: string,
	ctx: ReferralContext = {}
): Promise<StatusChangeResult> {
	if (!isSettableStatus(status)) return { ok: false, reason: 'refused' };
	return transactNow(services, async (trx, now) => {
		const r = await loadReferralForChange(trx, referralId);
		if (!r || r.erased || r.creativeId !== creativeId) return { ok: false, reason: 'not_found' };
		if (r.recordId !== null) {
			const rec = await trx
				.selectFrom('consultation_record')
				.select('share_referrals')
				.where('id', '=', r.recordId)
				.executeTakeFirst();
			if (rec && Number(rec.share_referrals) !== 1) return { ok: false, reason: 'not_found' };
		}
		return applyStatus(
			trx,
			r,
			status,
			{ audit: creativeAudit(creativeId), kind: 'creative', id: creativeId, via: 'portal' },
			now,
			ctx
		);
	});
}

/**
 * The one-click link from the follow-up mail (POST from the link page). The token works several
 * times until it expires, so the creative may correct an answer; it reaches only its referral.
 */
export async function updateReferralStatusByToken(
	services: ReferralServices,
	token: string,
	status: string,
	ctx: ReferralContext = {}
): Promise<StatusChangeResult> {
	if (!plausibleToken(token)) return { ok: false, reason: 'invalid' };
	if (!isSettableStatus(status)) return { ok: false, reason: 'refused' };
	return transactNow(services, async (trx, now) => {
		// The link page's own check: the same token is invalid or expired for both.
		const seen = await inspectReferralToken(trx, token, now);
		if (!seen.ok) return seen;
		const r = (await loadReferralForChange(trx, seen.referral.id))!;
		return applyStatus(
			trx,
			r,
			status,
			{ audit: creativeAudit(r.creativeId), kind: 'creative', id: r.creativeId, via: 'link' },
			now,
			ctx
		);
	});
}
