import type { Db } from '../db/transaction';
import type { OfficeScope } from '../access/scope';

/** Waiting and undeliverable mails within a scope, for the staff home page. */
export async function outboxCounts(db: Db, scope: OfficeScope): Promise<{ pending: number; dead: number }> {
	let q = db
		.selectFrom('outbox')
		.select(['status', (eb) => eb.fn.countAll<number>().as('n')])
		.where('status', 'in', ['pending', 'dead'])
		.groupBy('status');
	if (!scope.all) {
		if (scope.officeIds.length === 0) return { pending: 0, dead: 0 };
		q = q.where('office_id', 'in', [...scope.officeIds]);
	}
	const rows = await q.execute();
	const get = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
	return { pending: get('pending'), dead: get('dead') };
}
