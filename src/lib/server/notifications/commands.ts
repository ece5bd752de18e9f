import { type AuditActor, recordAudit } from '../audit/index';
import { transact } from '../db/transaction';
import type { Db } from '../db/transaction';
import { requeueMail } from './deliver';

/**
 * A network admin puts a dead mail back into the queue. The status change and its audit row
 * commit together; false when the mail does not exist or is not dead (nothing is written then).
 */
export async function requeueDeadMail(
	db: Db,
	actor: AuditActor,
	id: number,
	context: { now: Date; requestId?: string | null }
): Promise<boolean> {
	return transact(db, async (trx) => {
		const row = await trx
			.selectFrom('outbox')
			.select(['id', 'office_id', 'template', 'attempts'])
			.where('id', '=', id)
			.executeTakeFirst();
		if (!row) return false;
		if (!(await requeueMail(trx, id, context.now))) return false;
		await recordAudit(
			trx,
			actor,
			{
				action: 'mail.requeued',
				subject: { kind: 'outbox', id },
				officeId: row.office_id,
				data: { template: row.template, previousAttempts: Number(row.attempts) }
			},
			context
		);
		return true;
	});
}
