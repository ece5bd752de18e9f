import type { Db } from './transaction';

/**
 * Claims a named lease until `now + ms` if nobody holds it (or the holder's time ran out).
 * One conditional UPDATE decides, so of several instances exactly one gets `true` per period,
 * on SQLite and PostgreSQL alike; no leader, no process memory.
 */
export async function claimLease(
	db: Db,
	name: string,
	holder: string,
	now: Date,
	ms: number
): Promise<boolean> {
	const t = now.getTime();
	await db
		.insertInto('job_lease')
		.values({ name, holder: null, until: 0 })
		.onConflict((oc) => oc.column('name').doNothing())
		.execute();
	const res = await db
		.updateTable('job_lease')
		.set({ holder, until: t + ms })
		.where('name', '=', name)
		.where('until', '<=', t)
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}
