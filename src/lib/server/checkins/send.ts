import { recordAudit, systemActor } from '../audit/index';
import { addCaseEvent } from '../cases/index';
import { type Db, type Tx, transact } from '../db/transaction';
import { isDeliverableAddress } from '../notifications/index';
import { hashToken, randomToken } from '../platform/tokens';
import type { Services } from '../runtime';
import { CHECK_IN_LIFETIME } from './checkin-rules';
import { caseWithCreative, mailCaseCreative } from './case-mail';
import { checkInMail } from './mails';

/** How many due cases one run looks at; the next minute takes the rest. */
const BATCH = 200;

/**
 * Issue 4, item 4: every open case whose next contact is due gets one check-in mail per due
 * date. Safe with several instances: the check-in row is inserted with ON CONFLICT (case_id,
 * due_at) DO NOTHING in the same transaction as its mail, event and audit row, so only the
 * instance whose insert wins writes the mail (the outbox dedupe key is a second net).
 *
 * next_contact_due_at is deliberately left alone: the case stays overdue until the creative
 * answers (answerCheckIn) or a consultation is recorded. That is how an unanswered check-in
 * counts towards overdue and stalled.
 */
export async function sendDueCheckIns(services: Services): Promise<number> {
	const { db, config, clock } = services;
	const now = clock.now();
	const candidates = await dueCandidates(db, now.getTime());
	let sent = 0;
	for (const candidate of candidates) {
		if (!isDeliverableAddress(candidate.email)) continue;
		const caseId = Number(candidate.id);
		const sentOne = await transact(db, (trx) => sendCheckIn(trx, config.publicBaseUrl, caseId, now));
		if (sentOne) sent++;
	}
	return sent;
}

/** Open cases whose due date has no check-in yet, the longest overdue first. */
function dueCandidates(db: Db, t: number) {
	return db
		.selectFrom('case_file as c')
		.innerJoin('creative as cr', 'cr.id', 'c.creative_id')
		.select(['c.id', 'c.next_contact_due_at', 'cr.email'])
		.where('c.status', '=', 'open')
		.where('c.next_contact_due_at', 'is not', null)
		.where('c.next_contact_due_at', '<=', t)
		.where('cr.deleted_at', 'is', null)
		.where('cr.merged_into_id', 'is', null)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('check_in as k')
						.select('k.id')
						.whereRef('k.case_id', '=', 'c.id')
						.whereRef('k.due_at', '=', 'c.next_contact_due_at')
				)
			)
		)
		.orderBy('c.next_contact_due_at')
		.limit(BATCH)
		.execute();
}

/** One case's check-in with its mail, event and audit row; false when there is nothing (more) to send. */
async function sendCheckIn(trx: Tx, publicBaseUrl: string, caseId: number, now: Date): Promise<boolean> {
	const t = now.getTime();
	// Read again inside the transaction: the case may have been paused, closed or
	// contacted since the candidate query.
	const c = await caseWithCreative(trx)
		.select(['c.creative_id', 'c.status', 'c.next_contact_due_at', 'cr.email', 'cr.locale'])
		.where('c.id', '=', caseId)
		.executeTakeFirst();
	if (c?.status !== 'open' || c.deleted_at != null || c.next_contact_due_at == null) return false;
	const dueAt = Number(c.next_contact_due_at);
	if (dueAt > t || !isDeliverableAddress(c.email)) return false;
	const token = randomToken();
	const checkInId = await insertCheckIn(trx, { caseId, dueAt, token }, t);
	if (checkInId === null) return false;
	await mailCaseCreative(
		trx,
		c,
		{
			template: 'checkins.check_in',
			build: checkInMail,
			publicBaseUrl,
			path: `/rueckmeldung/${token}`,
			dedupeKey: `check-in-${caseId}-${dueAt}`
		},
		now
	);
	const officeId = Number(c.office_id);
	await addCaseEvent(trx, caseId, 'check_in_sent', { kind: 'system', id: null }, now, { checkInId, dueAt });
	await recordAudit(
		trx,
		systemActor,
		{ action: 'checkin.sent', subject: { kind: 'check_in', id: checkInId }, officeId, data: { caseId } },
		{ now }
	);
	return true;
}

/** Null when another instance already inserted the check-in for this due date. */
async function insertCheckIn(
	trx: Tx,
	c: { caseId: number; dueAt: number; token: string },
	t: number
): Promise<number | null> {
	const inserted = await trx
		.insertInto('check_in')
		.values({
			case_id: c.caseId,
			token_hash: hashToken(c.token),
			due_at: c.dueAt,
			sent_at: t,
			expires_at: t + CHECK_IN_LIFETIME,
			answered_at: null,
			changed: null,
			questions: null,
			seen_at: null
		})
		.onConflict((oc) => oc.columns(['case_id', 'due_at']).doNothing())
		.returning('id')
		.executeTakeFirst();
	return inserted ? Number(inserted.id) : null;
}
