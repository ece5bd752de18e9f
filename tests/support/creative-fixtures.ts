import type { Locale } from '../../src/lib/i18n/locale';
import type { Services } from '../../src/lib/server/runtime';

/**
 * A creative with a verified address, written straight into the real test database (the
 * portal's sign-in is tested on its own; most tests need only someone to act as). `erased`:
 * the account was ended now (deleted_at set).
 */
export async function addCreative(
	s: Services,
	email: string,
	options: { locale?: Locale; erased?: boolean } = {}
): Promise<number> {
	const t = s.clock.now().getTime();
	const row = await s.db
		.insertInto('creative')
		.values({
			email,
			email_verified_at: t,
			locale: options.locale ?? 'de',
			created_at: t,
			updated_at: t,
			deleted_at: options.erased ? t : null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(row.id);
}
