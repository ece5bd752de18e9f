import { type Db, isUniqueViolation, transact, type Tx } from './transaction';

/**
 * A command whose form rules need the database (a key taken, a Land already covered): the rules
 * run inside its transaction, and a refusal rolls it back and answers with field problems, in
 * the same shape for every such form (reference data, directory entries). `P` is the domain's
 * field problem (a catalogue key per field).
 */
export type CommandFailure<P> = { ok: false; notFound: boolean; problems: P[] };
export type CommandResult<T, P> = { ok: true; value: T } | CommandFailure<P>;

/** The row the command would change is not there. */
export const notFound: CommandFailure<never> = { ok: false, notFound: true, problems: [] };

export function invalid<P>(problems: P[]): CommandFailure<P> {
	return { ok: false, notFound: false, problems };
}

/** Thrown inside the transaction to roll it back with field problems. */
class Rejected<P> extends Error {
	constructor(readonly problems: P[]) {
		super('rejected');
	}
}

/** Rolls the transaction back when one of the form's rules refuses. */
export function refuseOn<P>(problems: P[]): void {
	if (problems.length > 0) throw new Rejected(problems);
}

/** What such a command needs of the services: the database and the clock. */
export interface CommandServices {
	db: Db;
	clock: { now(): Date };
}

/** What a command knows about the request that caused it (for the audit row). */
export interface CommandContext {
	requestId?: string | null;
}

/** When the work's audit row is written and for which request. */
export interface AuditTime {
	now: Date;
	requestId?: string | null;
}

/**
 * Runs `work` in one transaction (`serializable` where a check must not interleave with another
 * save). A refusal answers with its problems; with `keyTaken`, so does a unique violation (two
 * people creating the same key at once: the unique index decides what the check could not).
 */
export async function runChecked<T, P>(
	services: CommandServices,
	ctx: CommandContext,
	work: (trx: Tx, at: AuditTime) => Promise<CommandResult<T, P>>,
	options: { serializable?: boolean; keyTaken?: P } = {}
): Promise<CommandResult<T, P>> {
	const at = { now: services.clock.now(), requestId: ctx.requestId };
	try {
		return await transact(services.db, (trx) => work(trx, at), { serializable: options.serializable });
	} catch (err) {
		if (err instanceof Rejected) return invalid(err.problems as P[]);
		if (options.keyTaken && isUniqueViolation(err)) return invalid([options.keyTaken]);
		throw err;
	}
}
