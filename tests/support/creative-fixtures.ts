import type { Services } from '../../src/lib/server/runtime';

/**
 * A creative with a verified address, written straight into the real test database (the
 * portal's sign-in is tested on its own; most tests need only someone to act as).
 */
export async function addCreative(s: Services, email: string): Promise<number> {
	const t = s.clock.now().getTime();
	const row = await s.db
		.insertInto('creative')
		.values({ email, email_verified_at: t, created_at: t, updated_at: t })
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(row.id);
}
