import type { Services } from '../../src/lib/server/runtime';

/** The id of a seeded office by its key (`nw`, `by`, …). */
export async function officeId(s: Pick<Services, 'db'>, key: string): Promise<number> {
	const o = await s.db.selectFrom('office').select('id').where('key', '=', key).executeTakeFirstOrThrow();
	return Number(o.id);
}
