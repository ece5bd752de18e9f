import { type OfficeScope, scopeIncludes } from '../access/scope';
import { type Tx, transactNow } from '../db/transaction';
import type { Services } from '../runtime';

/**
 * The frame of a staff command on one office's visibility data: outside the caller's scope the
 * office's rows do not exist for them (`not_found`, nothing read); inside, the work runs in one
 * transaction at the command's clock.
 */
export async function inOfficeTransaction<R>(
	services: Services,
	scope: OfficeScope,
	officeId: number,
	work: (trx: Tx, now: Date) => Promise<R>
): Promise<R | { ok: false; reason: 'not_found' }> {
	if (!scopeIncludes(scope, officeId)) return { ok: false, reason: 'not_found' };
	return transactNow(services, work);
}
