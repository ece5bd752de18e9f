import { type AuditActor, recordAudit } from '../audit/index';
import type { Clock } from '../platform/clock';
import { hashToken, randomToken } from '../platform/tokens';
import { type Db, type Tx, transact } from '../db/transaction';

/**
 * A staff user's personal calendar feed: a secret subscription URL (only its SHA-256 is
 * stored). Creating one revokes the previous one; both steps are audited in one transaction.
 */
export interface FeedServices {
	db: Db;
	clock: Clock;
}

export interface FeedStatus {
	createdAt: number;
}

export async function feedStatus(db: Db, userId: number): Promise<FeedStatus | null> {
	const row = await db
		.selectFrom('calendar_feed')
		.select('created_at')
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return row ? { createdAt: Number(row.created_at) } : null;
}

async function revokeLive(trx: Tx, userId: number, now: number) {
	return trx
		.updateTable('calendar_feed')
		.set({ revoked_at: now })
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.returning('id')
		.execute();
}

/** A new secret for the user (the old one stops working); returns the token to show once. */
export async function createFeed(
	services: FeedServices,
	actor: AuditActor & { id: number },
	ctx: { requestId?: string } = {}
): Promise<{ token: string }> {
	const now = services.clock.now();
	const token = randomToken();
	await transact(services.db, async (trx) => {
		const revoked = await revokeLive(trx, actor.id, now.getTime());
		const row = await trx
			.insertInto('calendar_feed')
			.values({
				user_id: actor.id,
				token_hash: hashToken(token),
				created_at: now.getTime(),
				revoked_at: null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(
			trx,
			actor,
			{
				action: 'calendar_feed.created',
				subject: { kind: 'calendar_feed', id: Number(row.id) },
				data: { replaced: revoked.length }
			},
			{ now, requestId: ctx.requestId }
		);
	});
	return { token };
}

/** Ends the user's feed: its URL answers 404 from now on. */
export async function revokeFeed(
	services: FeedServices,
	actor: AuditActor & { id: number },
	ctx: { requestId?: string } = {}
): Promise<{ revoked: boolean }> {
	const now = services.clock.now();
	return transact(services.db, async (trx) => {
		const revoked = await revokeLive(trx, actor.id, now.getTime());
		if (revoked.length === 0) return { revoked: false };
		await recordAudit(
			trx,
			actor,
			{ action: 'calendar_feed.revoked', subject: { kind: 'calendar_feed', id: Number(revoked[0]!.id) } },
			{ now, requestId: ctx.requestId }
		);
		return { revoked: true };
	});
}

/** The office's choice whether feeds may show full name, e-mail and phone (office leads). */
export async function setOfficeFeedDetails(
	services: FeedServices,
	actor: AuditActor,
	officeId: number,
	details: boolean,
	ctx: { requestId?: string } = {}
): Promise<void> {
	const now = services.clock.now();
	await transact(services.db, async (trx) => {
		const values = { feed_details: details ? 1 : 0, updated_at: now.getTime() };
		await trx
			.insertInto('office_calendar_setting')
			.values({ office_id: officeId, ...values })
			.onConflict((oc) => oc.column('office_id').doUpdateSet(values))
			.execute();
		await recordAudit(
			trx,
			actor,
			{
				action: 'calendar_feed.office_details',
				subject: { kind: 'office', id: officeId },
				data: { details }
			},
			{ now, requestId: ctx.requestId }
		);
	});
}

/** Whether the office's feeds show full name, e-mail and phone. */
export async function officeFeedDetails(db: Db, officeId: number): Promise<boolean> {
	const row = await db
		.selectFrom('office_calendar_setting')
		.select('feed_details')
		.where('office_id', '=', officeId)
		.executeTakeFirst();
	return Number(row?.feed_details ?? 0) === 1;
}
