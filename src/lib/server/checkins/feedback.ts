import { recordAudit, systemActor } from '../audit/index';
import type { OfficeScope } from '../access/scope';
import { addCaseEvent, type CaseActor, closeCase } from '../cases/index';
import type { CloseReason } from '../db/schema';
import { type Db, type Tx, transact } from '../db/transaction';
import type { RequestContext } from '../identity/index';
import { isDeliverableAddress } from '../notifications/index';
import { hashToken, plausibleToken, randomToken } from '../platform/tokens';
import type { Services } from '../runtime';
import { FEEDBACK_COMMENT_MAX, FEEDBACK_LIFETIME, isValidRating } from './checkin-rules';
import { creativeActor } from './creative-actor';
import { caseWithCreative, mailCaseCreative } from './case-mail';
import { feedbackMail } from './mails';

/**
 * Closure feedback (issue 4, item 8): when a case is closed and the office wants it, the
 * creative gets one mail "Wie war die Begleitung?" whose link opens a page with a 1–5 rating
 * and a comment. The rating is saved once.
 */

/**
 * Staff close a case (issue 4, item 8): the closure of cases/ and, when the office wants it, the
 * feedback mail in the same transaction, so the mail exists exactly when the closure committed.
 */
export function closeCaseWithFeedback(
	services: Services,
	actor: CaseActor,
	scope: OfficeScope,
	input: { caseId: number; reason: CloseReason; outcome: string | null },
	ctx: RequestContext = {}
) {
	return closeCase(services, actor, scope, input, ctx, async (trx, caseId, now, wanted) => {
		if (wanted) await queueFeedbackMail(trx, services, caseId, now);
	});
}

/**
 * Called by closeCase inside its transaction (when the office's feedbackMail setting is on).
 * Returns false, and writes nothing, when there is nobody to ask: an erased or merged creative,
 * an undeliverable address, or a case that already has feedback (from an earlier closure).
 * A new request replaces an unanswered older link.
 */
export async function queueFeedbackMail(
	trx: Tx,
	services: Services,
	caseId: number,
	now: Date
): Promise<boolean> {
	const t = now.getTime();
	const c = await caseWithCreative(trx)
		.select(['c.feedback_at', 'cr.email', 'cr.locale', 'cr.merged_into_id'])
		.where('c.id', '=', caseId)
		.executeTakeFirst();
	if (!c || c.deleted_at != null || c.merged_into_id != null || c.feedback_at != null) return false;
	if (!isDeliverableAddress(c.email)) return false;
	const token = randomToken();
	await trx
		.updateTable('case_file')
		.set({
			feedback_token_hash: hashToken(token),
			feedback_token_expires_at: t + FEEDBACK_LIFETIME,
			updated_at: t
		})
		.where('id', '=', caseId)
		.execute();
	await mailCaseCreative(
		trx,
		c,
		{
			template: 'checkins.feedback',
			build: feedbackMail,
			publicBaseUrl: services.config.publicBaseUrl,
			path: `/rueckmeldung/abschluss/${token}`,
			dedupeKey: `case-feedback-${caseId}-${t}`
		},
		now
	);
	const officeId = Number(c.office_id);
	await recordAudit(
		trx,
		systemActor,
		{ action: 'case.feedback_requested', subject: { kind: 'case', id: caseId }, officeId },
		{ now }
	);
	return true;
}

export interface FeedbackView {
	caseId: number;
	name: string;
	officeName: string;
	expiresAt: number;
}

export type FeedbackInspection =
	| { ok: true; state: 'open'; view: FeedbackView }
	| {
			ok: true;
			state: 'given';
			view: FeedbackView;
			given: { rating: number; comment: string | null; at: number };
	  }
	| { ok: false; reason: 'invalid' | 'expired' };

async function loadByToken(db: Db | Tx, token: string) {
	return caseWithCreative(db)
		.select([
			'c.creative_id',
			'c.feedback_token_expires_at',
			'c.feedback_rating',
			'c.feedback_comment',
			'c.feedback_at'
		])
		.where('c.feedback_token_hash', '=', hashToken(token))
		.executeTakeFirst();
}

/** For the page the link opens: changes nothing. */
export async function inspectFeedback(db: Db | Tx, token: string, now: Date): Promise<FeedbackInspection> {
	if (!plausibleToken(token)) return { ok: false, reason: 'invalid' };
	const row = await loadByToken(db, token);
	if (!row || row.deleted_at != null) return { ok: false, reason: 'invalid' };
	const expiresAt = Number(row.feedback_token_expires_at ?? 0);
	if (expiresAt <= now.getTime()) return { ok: false, reason: 'expired' };
	const view: FeedbackView = {
		caseId: Number(row.id),
		name: row.name,
		officeName: row.office_name,
		expiresAt
	};
	if (row.feedback_at != null)
		return {
			ok: true,
			state: 'given',
			view,
			given: {
				rating: Number(row.feedback_rating),
				comment: row.feedback_comment,
				at: Number(row.feedback_at)
			}
		};
	return { ok: true, state: 'open', view };
}

export type FeedbackResult =
	| { ok: true; caseId: number }
	| { ok: false; reason: 'invalid' | 'expired' | 'given' | 'invalid_rating' | 'too_long' };

/** The page's POST: saves the rating once (conditional on feedback_at being null). */
export async function submitFeedback(
	services: Services,
	token: string,
	input: { rating: number; comment: string },
	ctx: RequestContext = {}
): Promise<FeedbackResult> {
	const now = services.clock.now();
	const t = now.getTime();
	if (!plausibleToken(token)) return { ok: false, reason: 'invalid' };
	if (!isValidRating(input.rating)) return { ok: false, reason: 'invalid_rating' };
	const comment = input.comment.trim() === '' ? null : input.comment.trim();
	if ((comment?.length ?? 0) > FEEDBACK_COMMENT_MAX) return { ok: false, reason: 'too_long' };
	return transact(services.db, async (trx): Promise<FeedbackResult> => {
		const row = await loadByToken(trx, token);
		if (!row || row.deleted_at != null) return { ok: false, reason: 'invalid' };
		if (row.feedback_at != null) return { ok: false, reason: 'given' };
		if (Number(row.feedback_token_expires_at ?? 0) <= t) return { ok: false, reason: 'expired' };
		const caseId = Number(row.id);
		const res = await trx
			.updateTable('case_file')
			.set({ feedback_rating: input.rating, feedback_comment: comment, feedback_at: t, updated_at: t })
			.where('id', '=', caseId)
			.where('feedback_token_hash', '=', hashToken(token))
			.where('feedback_at', 'is', null)
			.executeTakeFirst();
		if (Number(res.numUpdatedRows) !== 1) return { ok: false, reason: 'given' };
		const creativeId = Number(row.creative_id);
		await addCaseEvent(trx, caseId, 'feedback', { kind: 'creative', id: creativeId }, now, {
			rating: input.rating
		});
		await recordAudit(
			trx,
			creativeActor(creativeId),
			{
				action: 'case.feedback_given',
				subject: { kind: 'case', id: caseId },
				officeId: Number(row.office_id),
				data: { rating: input.rating }
			},
			{ now, requestId: ctx.requestId }
		);
		return { ok: true, caseId };
	});
}
