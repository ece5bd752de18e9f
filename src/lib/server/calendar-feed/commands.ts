import { type AuditActor, type AuditEntry, recordAudit } from '../audit/index';
import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../db/schema';
import type { Clock } from '../platform/clock';
import { hashToken, randomToken } from '../platform/tokens';
import { type Db, type Tx, transact, transactNow } from '../db/transaction';

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

/** The user's live feed (at most one): the status read and the revocation find it alike. */
function liveFeedOf(userId: number) {
	return (eb: ExpressionBuilder<DB, 'calendar_feed'>) => eb.and({ user_id: userId, revoked_at: null });
}

export async function feedStatus(db: Db, userId: number): Promise<FeedStatus | null> {
	const row = await db
		.selectFrom('calendar_feed')
		.select('created_at')
		.where(liveFeedOf(userId))
		.executeTakeFirst();
	return row ? { createdAt: Number(row.created_at) } : null;
}

async function revokeLive(trx: Tx, userId: number, now: number) {
	return trx
		.updateTable('calendar_feed')
		.set({ revoked_at: now })
		.where(liveFeedOf(userId))
		.returning('id')
		.execute();
}

type FeedAt = { now: Date; requestId?: string };

/** The audit row of a feed command names the feed row it created or revoked. */
function auditFeed(
	trx: Tx,
	actor: AuditActor,
	at: FeedAt,
	action: string,
	feedId: number,
	data?: AuditEntry['data']
) {
	return recordAudit(trx, actor, { action, subject: { kind: 'calendar_feed', id: feedId }, data }, at);
}

/** Both feed commands are called alike: the services, the staff user acting on their own feed, the request. */
type FeedCommand<R> = (
	services: FeedServices,
	actor: AuditActor & { id: number },
	ctx?: { requestId?: string }
) => Promise<R>;

/** A new secret for the user (the old one stops working); returns the token to show once. */
export const createFeed: FeedCommand<{ token: string }> = async (services, actor, ctx = {}) => {
	const at = { now: services.clock.now(), requestId: ctx.requestId };
	const token = randomToken();
	await transact(services.db, async (trx) => {
		const revoked = await revokeLive(trx, actor.id, at.now.getTime());
		const row = await trx
			.insertInto('calendar_feed')
			.values({
				user_id: actor.id,
				token_hash: hashToken(token),
				created_at: at.now.getTime(),
				revoked_at: null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await auditFeed(trx, actor, at, 'calendar_feed.created', Number(row.id), { replaced: revoked.length });
	});
	return { token };
};

/** Ends the user's feed: its URL answers 404 from now on. */
export const revokeFeed: FeedCommand<{ revoked: boolean }> = async (services, actor, ctx = {}) => {
	const at = { now: services.clock.now(), requestId: ctx.requestId };
	return transact(services.db, async (trx) => {
		const revoked = await revokeLive(trx, actor.id, at.now.getTime());
		if (revoked.length === 0) return { revoked: false };
		await auditFeed(trx, actor, at, 'calendar_feed.revoked', Number(revoked[0]!.id));
		return { revoked: true };
	});
};

/** The office's choice whether feeds may show full name, e-mail and phone (office leads). */
export async function setOfficeFeedDetails(
	services: FeedServices,
	actor: AuditActor,
	officeId: number,
	details: boolean,
	ctx: { requestId?: string } = {}
): Promise<void> {
	await transactNow(services, async (trx, now) => {
		const values = { feed_details: details ? 1 : 0, updated_at: now.getTime() };
		await trx
			.insertInto('office_calendar_setting')
			.values({ office_id: officeId, ...values })
			.onConflict((oc) => oc.column('office_id').doUpdateSet(values))
			.execute();
		const entry = { action: 'calendar_feed.office_details', subject: { kind: 'office', id: officeId } };
		await recordAudit(trx, actor, { ...entry, data: { details } }, { now, requestId: ctx.requestId });
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
