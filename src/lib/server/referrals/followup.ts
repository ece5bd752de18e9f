import { formatDate } from '../../format/datetime';
import { DAY } from '../../time/durations';
import { recordAudit, systemActor } from '../audit/index';
import { type Tx, transact } from '../db/transaction';
import { enqueueMail, isDeliverableAddress } from '../notifications/index';
import { hashToken, randomToken } from '../platform/tokens';
import type { Services } from '../runtime';
import { referralFollowupMail } from './mails';
import { OPEN_STATUSES, TOKEN_DAYS } from './rules';

/**
 * The "did it help?" mail, once per referral, when its followup_due_at has come and it still
 * has no outcome. Only referrals the creative can see (no record, or a record that shares its
 * referrals) of cases that are not erased, to creatives that are not deleted. Safe with several
 * instances: the claim (followup_sent_at from null to now, with the new token) is a conditional
 * update in the same transaction as the outbox row, so a second claim matches no row.
 */
export async function sendDueReferralFollowups(
	services: Pick<Services, 'db' | 'clock' | 'config'>
): Promise<number> {
	const now = services.clock.now();
	const candidates = await dueFollowups(services.db, now.getTime());
	let sent = 0;
	for (const cand of candidates) {
		if (await claimAndSendFollowup(services, Number(cand.id), now)) sent++;
	}
	return sent;
}

function dueFollowups(db: Services['db'], t: number) {
	return db
		.selectFrom('referral as r')
		.innerJoin('case_file as c', 'c.id', 'r.case_id')
		.innerJoin('creative as cv', 'cv.id', 'c.creative_id')
		.leftJoin('consultation_record as cr', 'cr.id', 'r.record_id')
		.select(['r.id'])
		.where('r.followup_due_at', '<=', t)
		.where('r.followup_sent_at', 'is', null)
		.where('r.status', 'in', [...OPEN_STATUSES])
		.where('c.name', '!=', '')
		.where('cv.deleted_at', 'is', null)
		.where((eb) => eb.or([eb('r.record_id', 'is', null), eb('cr.share_referrals', '=', 1)]))
		.orderBy('r.followup_due_at')
		.limit(200)
		.execute();
}

/** False when another instance claimed it first (or it got an outcome meanwhile). */
async function claimAndSendFollowup(
	services: Pick<Services, 'db' | 'config'>,
	id: number,
	now: Date
): Promise<boolean> {
	const t = now.getTime();
	const token = randomToken();
	return transact(services.db, async (trx) => {
		const res = await trx
			.updateTable('referral')
			.set({ followup_sent_at: t, token_hash: hashToken(token), token_expires_at: t + TOKEN_DAYS * DAY })
			.where('id', '=', id)
			.where('followup_sent_at', 'is', null)
			.where('status', 'in', [...OPEN_STATUSES])
			.executeTakeFirst();
		if (Number(res.numUpdatedRows) !== 1) return false;
		const r = await followupMailFacts(trx, id);
		const locale = r.locale === 'en' ? 'en' : 'de';
		if (isDeliverableAddress(r.email)) {
			await enqueueMail(
				trx,
				{
					to: r.email,
					locale,
					template: 'referral.followup',
					mail: referralFollowupMail(locale, {
						publicBaseUrl: services.config.publicBaseUrl,
						token,
						serviceName: r.service_name || r.org_name,
						officeName: r.office_name,
						referredOn: formatDate(Number(r.created_at), locale)
					}),
					dedupeKey: `referral-followup-${id}`,
					officeId: Number(r.office_id),
					subject: { kind: 'referral', id }
				},
				now
			);
		}
		await recordAudit(
			trx,
			systemActor,
			{
				action: 'referral.followup_sent',
				subject: { kind: 'referral', id },
				officeId: Number(r.office_id),
				data: { caseId: Number(r.case_id) }
			},
			{ now }
		);
		return true;
	});
}

function followupMailFacts(trx: Tx, id: number) {
	return trx
		.selectFrom('referral as r')
		.innerJoin('case_file as c', 'c.id', 'r.case_id')
		.innerJoin('creative as cv', 'cv.id', 'c.creative_id')
		.innerJoin('office as o', 'o.id', 'c.office_id')
		.innerJoin('cp_service as s', 's.id', 'r.service_id')
		.innerJoin('cp_organization as org', 'org.id', 's.organization_id')
		.select([
			'r.created_at',
			'c.office_id',
			'c.id as case_id',
			'cv.email',
			'cv.locale',
			'o.name as office_name',
			's.name as service_name',
			'org.name as org_name'
		])
		.where('r.id', '=', id)
		.executeTakeFirstOrThrow();
}
