import { type Tx, transact } from '../db/transaction';
import type { Services } from '../runtime';
import { countHit, strictest } from './throttle';
import type { Throttled } from './throttle-rules';

/** A count limit per window. */
type Limit = { limit: number; windowMs: number };

/** How a link request is counted: the throttle keys of a client address and an e-mail address, and their limits. */
export interface LinkRequestCount {
	keys: { address: (clientAddress: string) => string; email: (email: string) => string };
	address: Limit;
	email: Limit;
}

export type LinkRequestResult = { ok: true } | Throttled;

/**
 * A "send me a link" command (password reset, portal sign-in): the address normalized, the
 * request counted per client address and per e-mail address, then `send` in one transaction.
 * The answer is the same whether or not the address is known.
 */
export async function linkRequest(
	services: Pick<Services, 'db' | 'clock'>,
	input: { email: string; clientAddress: string },
	count: LinkRequestCount,
	send: (trx: Tx, email: string, now: Date) => Promise<void>
): Promise<LinkRequestResult> {
	const { db } = services;
	const now = services.clock.now();
	const email = input.email.trim().toLowerCase();
	const decision = strictest(
		await countHit(db, count.keys.address(input.clientAddress), count.address, now),
		await countHit(db, count.keys.email(email), count.email, now)
	);
	if (!decision.allowed)
		return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
	await transact(db, (trx) => send(trx, email, now));
	return { ok: true };
}
