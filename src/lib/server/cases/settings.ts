import { recordOfficeAudit } from '../audit/index';
import type { Db, Tx } from '../db/transaction';
import { transact } from '../db/transaction';
import { type RequestContext, staffActor } from '../identity/index';
import type { Services } from '../runtime';
import type { CaseActor } from './case-actor';
import { type CaseSettings, DEFAULT_CASE_SETTINGS } from './rhythm-rules';

/** The office's accompaniment rhythm; an office without a row uses the defaults. */
export async function getCaseSettings(db: Db | Tx, officeId: number): Promise<CaseSettings> {
	const row = await db
		.selectFrom('office_case_setting')
		.selectAll()
		.where('office_id', '=', officeId)
		.executeTakeFirst();
	if (!row) return { ...DEFAULT_CASE_SETTINGS };
	return {
		firstCheckinWeeks: Number(row.first_checkin_weeks),
		checkinIntervalWeeks: Number(row.checkin_interval_weeks),
		stalledDays: Number(row.stalled_days),
		referralFollowupDays: Number(row.referral_followup_days),
		feedbackMail: Number(row.feedback_mail) === 1
	};
}

export type CaseSettingsResult = { ok: true } | { ok: false; reason: 'forbidden' };

/** Leads (and network admins) change the rhythm; the row is created on first save. */
export async function saveCaseSettings(
	services: Services,
	actor: CaseActor,
	officeId: number,
	settings: CaseSettings,
	ctx: RequestContext = {}
): Promise<CaseSettingsResult> {
	if (actor.role === 'consultant') return { ok: false, reason: 'forbidden' };
	const now = services.clock.now();
	const row = {
		first_checkin_weeks: settings.firstCheckinWeeks,
		checkin_interval_weeks: settings.checkinIntervalWeeks,
		stalled_days: settings.stalledDays,
		referral_followup_days: settings.referralFollowupDays,
		feedback_mail: settings.feedbackMail ? 1 : 0,
		updated_at: now.getTime()
	};
	await transact(services.db, async (trx) => {
		await trx
			.insertInto('office_case_setting')
			.values({ office_id: officeId, ...row })
			.onConflict((oc) => oc.column('office_id').doUpdateSet(row))
			.execute();
		await recordOfficeAudit(
			trx,
			staffActor(actor),
			officeId,
			{ action: 'case.settings_changed', data: { ...settings } },
			{ now, requestId: ctx.requestId }
		);
	});
	return { ok: true };
}
