import { PostgresAdapter, sql } from 'kysely';
import { MINUTE } from '../../time/durations';
import type { Db } from '../db/transaction';
import { transact } from '../db/transaction';
import type { OutboxTable } from '../db/schema';
import type { Selectable } from 'kysely';
import { maskCalendar, maskTokens } from './mask-tokens';

export type OutboxRow = Selectable<OutboxTable>;

/** Sends one mail; throws on failure. nodemailer in production, a memory list in tests. */
export interface MailTransport {
	send(row: OutboxRow, from: string): Promise<void>;
}

/** A claim older than this is taken to belong to a crashed instance and is retried. */
const CLAIM_TIMEOUT = 5 * MINUTE;

/** 1, 2, 4, 8 … minutes, at most 6 hours between attempts. */
export function backoffMs(attempts: number): number {
	return Math.min(2 ** Math.max(0, attempts - 1) * MINUTE, 360 * MINUTE);
}

/**
 * Claims due rows atomically: the UPDATE only takes rows still pending (or claims gone stale),
 * so two instances running this at once never send the same mail twice.
 */
export async function claimDue(db: Db, worker: string, now: Date, limit = 10): Promise<OutboxRow[]> {
	const t = now.getTime();
	return transact(db, async (trx) => {
		const due = await trx
			.selectFrom('outbox')
			.select('id')
			.where((eb) =>
				eb.or([
					eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', t)]),
					eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<=', t - CLAIM_TIMEOUT)])
				])
			)
			.orderBy('id')
			.limit(limit)
			.$if(db.getExecutor().adapter instanceof PostgresAdapter, (qb) =>
				qb.modifyEnd(sql`for update skip locked`)
			)
			.execute();
		if (due.length === 0) return [];
		return trx
			.updateTable('outbox')
			.set({ status: 'sending', claimed_by: worker, claimed_at: t })
			.where(
				'id',
				'in',
				due.map((r) => r.id)
			)
			.returningAll()
			.execute();
	});
}

export interface DeliveryReport {
	sent: number;
	failed: number;
	dead: number;
	/** Issue 12: not sent because their purpose had passed (valid_until). */
	obsolete: number;
}

/** A mail whose deadline has passed would invite an action that is no longer possible. */
export function isObsolete(row: Pick<OutboxRow, 'valid_until'>, now: Date): boolean {
	return row.valid_until !== null && Number(row.valid_until) <= now.getTime();
}

export async function deliverDue(
	db: Db,
	transport: MailTransport,
	options: { worker: string; from: string; maxAttempts: number; now: () => Date }
): Promise<DeliveryReport> {
	const report: DeliveryReport = { sent: 0, failed: 0, dead: 0, obsolete: 0 };
	const rows = await claimDue(db, options.worker, options.now());
	for (const row of rows) {
		// Decided at delivery time, so a mail delayed by SMTP trouble or requeued later is caught too.
		if (isObsolete(row, options.now())) {
			await db
				.updateTable('outbox')
				.set({ status: 'obsolete', claimed_by: null, claimed_at: null, ...maskedBodies(row) })
				.where('id', '=', row.id)
				.where('claimed_by', '=', options.worker)
				.execute();
			report.obsolete++;
			continue;
		}
		try {
			await transport.send(row, options.from);
			await db
				.updateTable('outbox')
				.set({
					status: 'sent',
					sent_at: options.now().getTime(),
					attempts: row.attempts + 1,
					last_error: null,
					// Issue 13: once out, the stored copy keeps no live link (nor does any backup).
					...maskedBodies(row)
				})
				.where('id', '=', row.id)
				.where('claimed_by', '=', options.worker)
				.execute();
			report.sent++;
		} catch (err) {
			const attempts = row.attempts + 1;
			const dead = attempts >= options.maxAttempts;
			await db
				.updateTable('outbox')
				.set({
					status: dead ? 'dead' : 'pending',
					...(dead ? maskedBodies(row) : {}),
					attempts,
					claimed_by: null,
					claimed_at: null,
					last_error: String((err as Error).message ?? err).slice(0, 500),
					next_attempt_at: options.now().getTime() + backoffMs(attempts)
				})
				.where('id', '=', row.id)
				.execute();
			if (dead) report.dead++;
			else report.failed++;
		}
	}
	return report;
}

function maskedBodies(row: { text_body: string; html_body: string; ics: string | null }) {
	return {
		text_body: maskTokens(row.text_body),
		html_body: maskTokens(row.html_body),
		ics: maskCalendar(row.ics)
	};
}

/** An admin may put a dead mail back into the queue (its links are masked: the person asks anew). */
export async function requeueMail(db: Db, id: number, now: Date): Promise<boolean> {
	const res = await db
		.updateTable('outbox')
		.set({ status: 'pending', attempts: 0, next_attempt_at: now.getTime(), last_error: null })
		.where('id', '=', id)
		.where('status', '=', 'dead')
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

/**
 * On shutdown: hand this worker's claimed, unsent mails back to the queue at once, instead of
 * leaving them to the 5-minute stale-claim rule.
 */
export async function releaseClaims(db: Db, worker: string): Promise<number> {
	const res = await db
		.updateTable('outbox')
		.set({ status: 'pending', claimed_by: null, claimed_at: null })
		.where('status', '=', 'sending')
		.where('claimed_by', '=', worker)
		.executeTakeFirst();
	return Number(res.numUpdatedRows);
}
